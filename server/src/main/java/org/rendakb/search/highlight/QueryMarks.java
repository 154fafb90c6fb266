package org.rendakb.search.highlight;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rendakb.schema.MatchingText;
import org.rendakb.search.query.QueryDescription;

/**
 * What snippets mark for a query: every term the text may hold, as typed and in its other forms
 * (abbreviations), found as strings in the text folded the way the index folds it (full-width,
 * traditional, case). A word matches where its characters appear in a row, which is what the bigram
 * phrase query matches, so a string search finds the same places without postings or offsets.
 *
 * <p>Title-only and excluded terms are not marked; a year that only ranks is. Immutable and
 * thread-safe.
 */
public final class QueryMarks {
  /**
   * A form to find: its runs of letters and digits, which must follow each other with nothing but
   * spaces or punctuation between them (a quoted phrase with a comma matches the text with or without it).
   */
  public record Form(String label, List<String> runs) {}

  /** One place the text holds a form: [start, end) in the text, and which form. */
  public record Match(int start, int end, int form) {}

  private final List<Form> forms;

  private QueryMarks(List<Form> forms) {
    this.forms = List.copyOf(forms);
  }

  /** The terms of the query; {@code also} adds other strings (the pieces of a word a partial match holds). */
  public static QueryMarks of(QueryDescription query, List<String> also) {
    List<QueryDescription.Term> terms = new ArrayList<>();
    query.all().forEach(terms::addAll);
    terms.addAll(query.optional());
    Set<String> strings = new LinkedHashSet<>();
    for (QueryDescription.Term term : terms) {
      if (!term.field().equals("title")) {
        strings.add(MatchingText.of(term.text()));
        term.also().forEach(form -> strings.add(MatchingText.of(form)));
      }
    }
    also.forEach(form -> strings.add(MatchingText.of(form)));
    List<Form> forms = new ArrayList<>();
    for (String s : strings) {
      List<String> runs = runs(s);
      if (!runs.isEmpty()) {
        forms.add(new Form(String.join(" ", runs), runs));
      }
    }
    return new QueryMarks(forms);
  }

  public List<Form> forms() {
    return forms;
  }

  public boolean isEmpty() {
    return forms.isEmpty();
  }

  /** Every place in {@code folded} (a text in {@link MatchingText}'s form) where a form occurs, by form. */
  public List<Match> find(String folded) {
    List<Match> out = new ArrayList<>();
    for (int f = 0; f < forms.size(); f++) {
      List<String> runs = forms.get(f).runs();
      String first = runs.getFirst();
      for (int at = folded.indexOf(first); at >= 0; at = folded.indexOf(first, at + 1)) {
        int end = endOfRuns(folded, at, runs);
        if (end > 0 && wordEdge(folded, at) && wordEdge(folded, end)) {
          out.add(new Match(at, end, f));
        }
      }
    }
    return out;
  }

  /** Where the runs end when they follow each other from {@code at}, or -1. */
  private static int endOfRuns(String folded, int at, List<String> runs) {
    int end = at + runs.getFirst().length();
    for (int r = 1; r < runs.size(); r++) {
      int next = end;
      while (next < folded.length() && !Character.isLetterOrDigit(folded.charAt(next))) {
        next++;
      }
      if (next == end && Character.isLetterOrDigit(folded.charAt(end - 1)) && !isIdeograph(folded.charAt(end - 1))) {
        return -1; // two Latin or number runs need a separator, as two tokens do
      }
      if (!folded.startsWith(runs.get(r), next)) {
        return -1;
      }
      end = next + runs.get(r).length();
    }
    return end;
  }

  /**
   * Latin letters and digits match whole tokens only (alert is not marked in alerted, 2023 not in
   * 20231), as the tokenizer cuts them; ideographs match anywhere, as bigrams do.
   */
  private static boolean wordEdge(String folded, int at) {
    if (at <= 0 || at >= folded.length()) {
      return true;
    }
    char before = folded.charAt(at - 1);
    char after = folded.charAt(at);
    return !(isTokenChar(before) && isTokenChar(after));
  }

  private static boolean isTokenChar(char c) {
    return Character.isLetterOrDigit(c) && !isIdeograph(c);
  }

  private static boolean isIdeograph(char c) {
    return Character.isIdeographic(c) || Character.isSurrogate(c);
  }


  private static List<String> runs(String folded) {
    List<String> runs = new ArrayList<>();
    int i = 0;
    while (i < folded.length()) {
      while (i < folded.length() && !Character.isLetterOrDigit(folded.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < folded.length() && Character.isLetterOrDigit(folded.charAt(i))) {
        i++;
      }
      if (i > start) {
        runs.add(folded.substring(start, i));
      }
    }
    return runs;
  }
}
