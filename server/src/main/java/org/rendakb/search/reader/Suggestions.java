package org.rendakb.search.reader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.rendakb.schema.Fields;
import org.rendakb.schema.MatchingText;

/**
 * Completions for search-as-you-type, from one reader: the smartcn words of the texts that occur in
 * at least {@link #MIN_DOC_FREQ} documents (by prefix, most frequent first) and the document titles
 * (by substring, since titles start with a place name: 专利 should find 上海市专利保护条例).
 *
 * <p>Built once per reader in the SearcherFactory as sorted arrays, so a lookup is a binary search
 * and a bounded scan: well under a millisecond on the corpus. Immutable.
 */
public final class Suggestions {
  public static final int MAX = 10;
  static final int MIN_DOC_FREQ = 2;
  /** A one-character prefix can match many words; the scan stops after this many. */
  private static final int MAX_SCAN = 50_000;

  /** One completion: a frequent word ({@code term}) or a title ({@code title}), with its document count. */
  public record Suggestion(String text, String kind, int count) {}

  private final String[] termKeys;
  private final int[] termCounts;
  private final String[] titles;
  private final String[] titleKeys;
  private final int[] titleCounts;

  private Suggestions(String[] termKeys, int[] termCounts, String[] titles, int[] titleCounts) {
    this.termKeys = termKeys;
    this.termCounts = termCounts;
    this.titles = titles;
    this.titleCounts = titleCounts;
    this.titleKeys = Arrays.stream(titles).map(Suggestions::key).toArray(String[]::new);
  }

  static String key(String s) {
    return MatchingText.of(s.strip());
  }

  static Suggestions build(IndexReader reader, List<ReaderSearcher.LiveFile> files) throws IOException {
    record Entry(String key, int count) {}
    List<Entry> terms = new ArrayList<>();
    Terms t = MultiTerms.getTerms(reader, Fields.TEXT);
    if (t != null) {
      TermsEnum it = t.iterator();
      for (BytesRef term = it.next(); term != null; term = it.next()) {
        int df = it.docFreq();
        if (df < MIN_DOC_FREQ) {
          continue;
        }
        String s = term.utf8ToString();
        if (s.codePointCount(0, s.length()) >= 2 && s.codePoints().anyMatch(Character::isIdeographic)) {
          terms.add(new Entry(s, df));
        }
      }
    }
    terms.sort(Comparator.comparing(Entry::key));
    Map<String, Integer> titleCounts = new LinkedHashMap<>();
    for (ReaderSearcher.LiveFile live : files) {
      String title = live.file().title();
      if (title != null && !title.isBlank()) {
        titleCounts.merge(title.strip(), 1, Integer::sum);
      }
    }
    String[] titles = titleCounts.keySet().stream().sorted().toArray(String[]::new);
    return new Suggestions(
        terms.stream().map(Entry::key).toArray(String[]::new),
        terms.stream().mapToInt(Entry::count).toArray(),
        titles,
        Arrays.stream(titles).mapToInt(titleCounts::get).toArray());
  }

  public int terms() {
    return termKeys.length;
  }

  public int titles() {
    return titles.length;
  }

  /** Up to {@link #MAX} completions of {@code prefix}: frequent words first, then titles, then more words. */
  public List<Suggestion> suggest(String prefix) {
    String key = key(prefix == null ? "" : prefix);
    if (key.isEmpty()) {
      return List.of();
    }
    List<Suggestion> words = topWords(key);
    List<Suggestion> titleHits = topTitles(key);
    List<Suggestion> out = new ArrayList<>(MAX);
    int w = 0;
    while (out.size() < MAX / 2 && w < words.size()) {
      out.add(words.get(w++));
    }
    for (int i = 0; i < titleHits.size() && out.size() < MAX; i++) {
      out.add(titleHits.get(i));
    }
    while (out.size() < MAX && w < words.size()) {
      out.add(words.get(w++));
    }
    return List.copyOf(out);
  }

  private List<Suggestion> topWords(String key) {
    int from = Arrays.binarySearch(termKeys, key);
    if (from < 0) {
      from = -from - 1;
    }
    PriorityQueue<Integer> best = new PriorityQueue<>(Comparator.<Integer>comparingInt(i -> termCounts[i])
        .thenComparing(i -> termKeys[i], Comparator.reverseOrder()));
    for (int i = from, scanned = 0; i < termKeys.length && termKeys[i].startsWith(key) && scanned < MAX_SCAN; i++, scanned++) {
      best.add(i);
      if (best.size() > MAX) {
        best.poll();
      }
    }
    List<Suggestion> out = new ArrayList<>();
    while (!best.isEmpty()) {
      int i = best.poll();
      out.add(new Suggestion(termKeys[i], "term", termCounts[i]));
    }
    return out.reversed();
  }

  private List<Suggestion> topTitles(String key) {
    List<Integer> hits = new ArrayList<>();
    for (int i = 0; i < titleKeys.length; i++) {
      if (titleKeys[i].contains(key)) {
        hits.add(i);
      }
    }
    hits.sort(Comparator.<Integer, Boolean>comparing(i -> !titleKeys[i].startsWith(key))
        .thenComparing(i -> -titleCounts[i])
        .thenComparingInt(i -> titles[i].length())
        .thenComparing(i -> titles[i]));
    return hits.stream().limit(MAX).map(i -> new Suggestion(titles[i], "title", titleCounts[i])).toList();
  }
}
