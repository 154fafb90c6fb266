package org.rendakb.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the lines of a page are set, judged from where they stand as a reader judges them (PDF and
 * OFD pages, where only positions are known): centred on the page's axis, set to the right (a
 * 落款, 右空四字 included), or from the left margin; and whether a line belongs to a paragraph of at
 * most two lines, set apart from the text around it (a title, a mark, a date), or to a longer one.
 */
final class PageLines {
  private PageLines() {}

  /** A line where it stands, in points from the page's top left. */
  record Placed(int page, String text, float x0, float x1, float top, float points, boolean bold) {}

  /** A paragraph of this many lines or fewer stands alone: a title or a mark broken in two included. */
  private static final int STANDALONE_LINES = 2;

  /**
   * The lines of a file's pages as lines for {@link Blocks}, in order.
   *
   * @param pageWidth the pages' width; the text is taken as centred on it, as GB/T 9704 and office
   *     defaults set it
   */
  static List<Blocks.Line> judge(List<Placed> lines, float pageWidth) {
    float axis = pageWidth / 2;
    float left = leftMargin(lines, axis);
    float right = 2 * axis - left;
    // paragraphs: a line continues the one above when that one ran to the margin, in the same type, close below it
    int[] paragraph = new int[lines.size()];
    Map<Integer, Integer> sizes = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Placed line = lines.get(i);
      Placed above = i == 0 ? null : lines.get(i - 1);
      boolean continues = above != null && above.page() == line.page() && full(above, left, right)
          && Math.abs(above.points() - line.points()) < 0.5f && line.top() - above.top() <= 1.8f * charWidth(line)
          && line.top() > above.top();
      paragraph[i] = continues ? paragraph[i - 1] : i;
      sizes.merge(paragraph[i], 1, Integer::sum);
    }
    List<Blocks.Line> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      Placed line = lines.get(i);
      out.add(new Blocks.Line(line.text(), line.page(), 0, align(line, left, right), line.bold(), line.points(),
          sizes.get(paragraph[i]) <= STANDALONE_LINES, line.top(), false));
    }
    return out;
  }

  private static Block.Align align(Placed line, float left, float right) {
    float em = charWidth(line);
    float gapLeft = line.x0() - left;
    float gapRight = right - line.x1();
    float tolerance = Math.max(em, 0.04f * (right - left));
    // a first line indented two chars may end as far from the right margin by chance: not centred for it
    boolean indented = Math.abs(gapLeft - 2 * em) < 0.3f * em;
    if (Math.abs(gapLeft - gapRight) <= tolerance && gapLeft > 0.9f * em && gapRight > 0.5f * em && !indented) {
      return Block.Align.CENTER;
    }
    if (!full(line, left, right) && gapLeft - gapRight >= 3 * em && gapLeft >= 0.3f * (right - left)) {
      return Block.Align.RIGHT;
    }
    return Block.Align.LEFT;
  }

  /** A line that fills the measure: from the margin or a paragraph's indent to the right margin (a char's room). */
  private static boolean full(Placed line, float left, float right) {
    float em = charWidth(line);
    return line.x0() - left <= 2.5f * em && right - line.x1() <= 1.2f * em;
  }

  private static float charWidth(Placed line) {
    return line.points() > 0 ? line.points() : 12;
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
