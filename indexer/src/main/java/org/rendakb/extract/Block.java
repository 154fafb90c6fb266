package org.rendakb.extract;

/**
 * A line or paragraph as a reader sees it: where it stands and how it is set. The metadata stage
 * judges a line by it (a centred, large, bold line standing alone near the top is a title; a line
 * on every page is furniture; right-aligned lines at the end are a 落款).
 *
 * @param text its text, whitespace as the file has it
 * @param page the page (from 1) of a file with fixed pages (PDF, OFD); 0 in a file that flows (Word,
 *     web pages), whatever page a printer would put it on
 * @param order its place among the file's blocks, from 0; a long file keeps only its first and last
 *     blocks, so the orders of the kept ones may jump
 * @param heading outline level 1–6 of a heading (a Heading style, h1 …), 0 for none
 * @param align as set; {@link Align#UNKNOWN} where the format does not say
 * @param bold most of its characters are bold, or set in a bold face (黑体, 小标宋)
 * @param size its font size over the body text's (1 for body text, 1.375 for 22 pt over 16 pt); 0
 *     where the format does not say
 * @param standalone a short line of its own: its own paragraph, not the end of a longer one
 * @param repeated it stands on several pages: a running header or footer, a page number
 */
public record Block(String text, int page, int order, int heading, Align align, boolean bold, float size, boolean standalone,
    boolean repeated) {

  public Block {
    text = text == null ? "" : text;
    align = align == null ? Align.UNKNOWN : align;
  }

  /** How a line is set across the page. Justified text counts as left: both start at the margin. */
  public enum Align { UNKNOWN, LEFT, CENTER, RIGHT }

  public boolean centred() {
    return align == Align.CENTER;
  }

  public boolean rightAligned() {
    return align == Align.RIGHT;
  }

  /** Set larger than the body text (by a sixth: 小二 and up over 三号). */
  public boolean large() {
    return size >= 1.15f;
  }
}
