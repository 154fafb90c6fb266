package org.rendakb.search.highlight;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns highlighter passages into one-line HTML snippets through the {@link Marker} (matches merged
 * and in {@code <mark>}, everything else escaped). A sentence longer than {@link #MAX_CHARS} is cut
 * to a window around its first match, never inside a match or a surrogate pair. Returns a
 * {@code List<String>} per document. Stateless.
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
    List<Marker.Span> matches = merged(passage);
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
      int from = matches.isEmpty() ? start : Math.max(start, matches.getFirst().start() - LEAD);
      int to = Math.min(end, from + MAX_CHARS);
      for (Marker.Span m : matches) {
        if (m.start() < to && m.end() > to) {
          to = m.end(); // keep a match whole
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
    Marker.mark(content, start, end, matches, true, sb);
    if (cutEnd) {
      sb.append(ELLIPSIS);
    }
    return sb.toString();
  }

  /** The passage's matches, merged. */
  private static List<Marker.Span> merged(Passage passage) {
    List<Marker.Span> spans = new ArrayList<>(passage.getNumMatches());
    for (int i = 0; i < passage.getNumMatches(); i++) {
      spans.add(new Marker.Span(passage.getMatchStarts()[i], passage.getMatchEnds()[i]));
    }
    return Marker.merged(spans);
  }

  /** Moves a cut off the middle of a surrogate pair. */
  private static int safe(String content, int at) {
    if (at > 0 && at < content.length() && Character.isLowSurrogate(content.charAt(at))
        && Character.isHighSurrogate(content.charAt(at - 1))) {
      return at - 1;
    }
    return at;
  }
}
