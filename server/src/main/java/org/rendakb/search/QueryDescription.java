package org.rendakb.search;

import java.util.List;

/**
 * How a staff query was understood, returned with every result so that the page can show it.
 *
 * @param text the query as read (cut to {@link StaffQueryParser#MAX_QUERY_CHARS})
 * @param truncated whether the query was longer and was cut
 * @param browse no search terms: everything matching the filters is listed
 * @param loose nothing matched the words as typed, so they were read allowing one wrong or missing
 *     character each
 * @param all groups that must all match; the terms inside one group are alternatives (OR)
 * @param none terms a result must not contain
 * @param ignored pieces of the query that were not used (stray quotes, brackets, a dangling OR, terms
 *     beyond the limit, punctuation-only words)
 * @param parsed the whole understanding in one line: {@code +(a | b) +"c d" -e}
 */
public record QueryDescription(
    String text, boolean truncated, boolean browse, boolean loose, List<List<Term>> all, List<Term> none, List<String> ignored,
    String parsed) {

  /** This description, saying the words were read loosely. */
  public QueryDescription readLoosely() {
    return new QueryDescription(text, truncated, browse, true, all, none, ignored, parsed);
  }

  public QueryDescription {
    all = all.stream().map(List::copyOf).toList();
    none = List.copyOf(none);
    ignored = List.copyOf(ignored);
  }

  /**
   * One term of the query.
   *
   * @param text as typed
   * @param kind {@code word} (matches where its text appears, as a word or inside one) or {@code phrase}
   *     (the exact character sequence)
   * @param field {@code all} (title and text) or {@code title}
   * @param also other names searched as well (abbreviations and their full forms)
   */
  public record Term(String text, String kind, String field, List<String> also) {
    public Term {
      also = List.copyOf(also);
    }

    String render() {
      String prefix = field.equals("title") ? "title:" : "";
      String body = kind.equals("phrase") ? "\"" + text + "\"" : text;
      if (also.isEmpty()) {
        return prefix + body;
      }
      return prefix + "(" + body + " | " + String.join(" | ", also) + ")";
    }
  }
}
