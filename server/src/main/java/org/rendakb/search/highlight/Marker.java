package org.rendakb.search.highlight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one way a match is shown: the spans a finder found in a text ({@link QueryMarks} for a
 * query's terms, the shared bigrams of a precedent, a 新提法's occurrences) merged where they
 * overlap or touch, so that no character is half-marked, and the text HTML-escaped (document text
 * is hostile input) with each merged span in {@code <mark>}. The document view receives the merged
 * spans as offsets ({@code DocumentMarks}) and marks its pages itself. Stateless.
 */
public final class Marker {
  private Marker() {}

  /** [start, end) in a text. */
  public record Span(int start, int end) {}

  private static final Comparator<Span> BY_START_LONGEST_FIRST =
      Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed());

  /** The spans sorted by start, overlapping or touching ones joined into one that ends at the furthest end. */
  public static List<Span> merged(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(BY_START_LONGEST_FIRST);
    List<Span> out = new ArrayList<>(sorted.size());
    for (Span s : sorted) {
      if (!out.isEmpty() && s.start() <= out.getLast().end()) {
        if (s.end() > out.getLast().end()) {
          out.set(out.size() - 1, new Span(out.getLast().start(), s.end()));
        }
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** The whole text escaped, its line breaks kept, each of the spans (merged first) in {@code <mark>}. */
  public static String mark(String text, List<Span> spans) {
    StringBuilder out = new StringBuilder(text.length() + 16 * spans.size());
    mark(text, 0, text.length(), merged(spans), false, out);
    return out.toString();
  }

  /**
   * {@code text[from, to)} escaped with each of the {@code merged} spans (from {@link #merged}) that
   * falls in it in {@code <mark>}, cut at {@code from} and {@code to}; {@code oneLine}: line breaks
   * and tabs as spaces.
   */
  public static void mark(String text, int from, int to, List<Span> merged, boolean oneLine, StringBuilder out) {
    int pos = from;
    for (Span m : merged) {
      int ms = Math.max(m.start(), from);
      int me = Math.min(m.end(), to);
      if (me <= ms || ms < pos) {
        continue;
      }
      escape(text, pos, ms, oneLine, out);
      out.append("<mark>");
      escape(text, ms, me, oneLine, out);
      out.append("</mark>");
      pos = me;
    }
    escape(text, pos, to, oneLine, out);
  }

  /** The whole text escaped, its line breaks kept. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    escape(text, 0, text.length(), false, out);
    return out.toString();
  }

  /** {@code text[from, to)} with every character HTML gives meaning to escaped; {@code oneLine}: line breaks and tabs as spaces. */
  public static void escape(CharSequence text, int from, int to, boolean oneLine, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        case '/' -> out.append("&#x2F;");
        case '\n', '\r', '\t' -> out.append(oneLine ? ' ' : c);
        default -> out.append(c);
      }
    }
  }
}
