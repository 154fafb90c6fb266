package org.rendakb.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the lines of a page are set, judged from where they stand as a reader judges them (PDF and
 * OFD pages, where only positions are known): centred on the page's axis, set to the right (a
 * 落款, 右空四字 included), or from the left margin; and whether a line stands alone or ends a
 * paragraph that fills the lines above it.
 */
final class PageLines {
  private PageLines() {}

  /** A line where it stands, in points from the page's top left. */
  record Placed(int page, String text, float x0, float x1, float top, float points, boolean bold) {}

  /**
   * The lines of a file's pages as lines for {@link Blocks}, in order.
   *
   * @param pageWidth the pages' width; the text is taken as centred on it, as GB/T 9704 and office
   *     defaults set it
   */
  static List<Blocks.Line> judge(List<Placed> lines, float pageWidth) {
    float axis = pageWidth / 2;
    float left = leftMargin(lines, axis);
    float textWidth = 2 * (axis - left);
    List<Blocks.Line> out = new ArrayList<>(lines.size());
    Placed previous = null;
    for (Placed line : lines) {
      if (previous != null && previous.page() != line.page()) {
        previous = null;
      }
      float charWidth = line.points() > 0 ? line.points() : 12;
      float gapLeft = line.x0() - left;
      float gapRight = (left + textWidth) - line.x1();
      boolean full = full(gapLeft, gapRight, charWidth);
      Block.Align align;
      if (full) {
        align = Block.Align.LEFT;
      } else if (Math.abs(gapLeft - gapRight) <= Math.max(charWidth, 0.04f * textWidth) && gapLeft > 0.9f * charWidth
          && !indented(gapLeft, charWidth)) {
        align = Block.Align.CENTER;
      } else if (gapLeft - gapRight >= 3 * charWidth && gapLeft >= 0.3f * textWidth) {
        align = Block.Align.RIGHT;
      } else {
        align = Block.Align.LEFT;
      }
      // the last line of a paragraph runs on from a full line just above it, in the same type
      boolean endsParagraph = previous != null && full(previous.x0() - left, left + textWidth - previous.x1(), charWidth)
          && Math.abs(previous.points() - line.points()) < 0.5f && line.top() - previous.top() <= 1.8f * charWidth;
      out.add(new Blocks.Line(line.text(), line.page(), 0, align, line.bold(), line.points(), !full && !endsParagraph, line.top(),
          false));
      previous = line;
    }
    return out;
  }

  /** A line that fills the measure: from the margin or a paragraph's indent to the right margin (a char's room). */
  private static boolean full(float gapLeft, float gapRight, float charWidth) {
    return gapLeft <= 2.5f * charWidth && gapRight <= 1.2f * charWidth;
  }

  /**
   * A paragraph's first line, indented two chars: a short one may end as far from the right margin
   * by chance, and is not centred for it.
   */
  private static boolean indented(float gapLeft, float charWidth) {
    return Math.abs(gapLeft - 2 * charWidth) < 0.3f * charWidth;
  }

  /** Where most lines start, the body's left margin; the leftmost start if no start is common. */
  private static float leftMargin(List<Placed> lines, float axis) {
    Map<Integer, Integer> starts = new HashMap<>();
    float leftmost = axis;
    for (Placed line : lines) {
      if (line.x0() < axis) {
        starts.merge(Math.round(line.x0() / 2), 1, Integer::sum);
        leftmost = Math.min(leftmost, line.x0());
      }
    }
    return starts.entrySet().stream().filter(e -> e.getValue() >= 3)
        .min(Map.Entry.comparingByKey()).map(e -> e.getKey() * 2f).orElse(leftmost);
  }
}
