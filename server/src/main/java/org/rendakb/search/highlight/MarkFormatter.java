package org.rendakb.search.highlight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns highlighter passages into HTML snippets: the matched text inside {@code <mark>}, everything
 * else escaped (document text is hostile input). Overlapping matches (a word and the bigrams inside
 * it) merge into one mark that ends at the furthest end, so no character is half-marked. A sentence
 * longer than {@link #MAX_CHARS} is cut to a window around its first match, never inside a match or
 * a surrogate pair. Returns a {@code List<String>} per document. Stateless.
 */
final class MarkFormatter extends PassageFormatter {
  static final int MAX_CHARS = 220;
  /** Context kept before the first match when a long sentence is cut. */
  private static final int LEAD = 60;
  private static final String ELLIPSIS = "…";

  @Override
  public Object format(Passage[] passages, String content) {
    List<String> out = new ArrayList<>(passages.length);
    for (Passage passage : passages) {
      String snippet = format(passage, content);
      if (!snippet.isBlank()) {
        out.add(snippet);
      }
    }
    return out;
  }

  private static String format(Passage passage, String content) {
    int[][] matches = merged(passage);
    int start = passage.getStartOffset();
    int end = Math.min(passage.getEndOffset(), content.length());
    while (start < end && Character.isWhitespace(content.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
      end--;
    }
    boolean cutStart = false;
    boolean cutEnd = false;
    if (end - start > MAX_CHARS) {
      int from = matches.length == 0 ? start : Math.max(start, matches[0][0] - LEAD);
      int to = Math.min(end, from + MAX_CHARS);
      for (int[] m : matches) {
        if (m[0] < to && m[1] > to) {
          to = m[1]; // keep a match whole
        }
      }
      from = safe(content, from);
      to = safe(content, to);
      cutStart = from > start;
      cutEnd = to < end;
      start = from;
      end = to;
    }
    StringBuilder sb = new StringBuilder(end - start + 32);
    if (cutStart) {
      sb.append(ELLIPSIS);
    }
    int pos = start;
    for (int[] m : matches) {
      int ms = Math.max(m[0], start);
      int me = Math.min(m[1], end);
      if (me <= ms || ms < pos) {
        continue;
      }
      escape(sb, content, pos, ms);
      sb.append("<mark>");
      escape(sb, content, ms, me);
      sb.append("</mark>");
      pos = me;
    }
    escape(sb, content, pos, end);
    if (cutEnd) {
      sb.append(ELLIPSIS);
    }
    return sb.toString();
  }

  /** Match offsets sorted by start, overlapping or touching ones joined. */
  private static int[][] merged(Passage passage) {
    int n = passage.getNumMatches();
    int[][] raw = new int[n][];
    for (int i = 0; i < n; i++) {
      raw[i] = new int[] {passage.getMatchStarts()[i], passage.getMatchEnds()[i]};
    }
    Arrays.sort(raw, (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
    List<int[]> out = new ArrayList<>();
    for (int[] m : raw) {
      if (!out.isEmpty() && m[0] <= out.getLast()[1]) {
        out.getLast()[1] = Math.max(out.getLast()[1], m[1]);
      } else {
        out.add(new int[] {m[0], m[1]});
      }
    }
    return out.toArray(int[][]::new);
  }

  /** Moves a cut off the middle of a surrogate pair. */
  private static int safe(String content, int at) {
    if (at > 0 && at < content.length() && Character.isLowSurrogate(content.charAt(at))
        && Character.isHighSurrogate(content.charAt(at - 1))) {
      return at - 1;
    }
    return at;
  }

  static void escape(StringBuilder sb, String content, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = content.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#x27;");
        case '/' -> sb.append("&#x2F;");
        case '\n', '\r', '\t' -> sb.append(' ');
        default -> sb.append(c);
      }
    }
  }
}
