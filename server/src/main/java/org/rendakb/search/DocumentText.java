package org.rendakb.search;

/**
 * One page of a document's text. Offsets and lengths count UTF-16 code units, as JavaScript
 * indexes a string; a page never ends between the two halves of a surrogate pair (it is one unit
 * shorter then), so {@code offset + text.length()} is always where the next page starts.
 *
 * @param id the document
 * @param offset where this page starts
 * @param total the length of the whole text
 * @param text the page, empty when {@code offset} is at or past the end
 */
public record DocumentText(String id, int offset, int total, String text) {
  /** What the document JSON carries and a page holds unless asked otherwise. */
  public static final int DEFAULT_LENGTH = 100_000;
  /** The longest page: about 300 KB of JSON for Chinese text. */
  public static final int MAX_LENGTH = 200_000;

  static DocumentText of(String id, String whole, int offset, int length) {
    String text = whole == null ? "" : whole;
    int from = Math.min(offset, text.length());
    if (from > 0 && from < text.length() && Character.isLowSurrogate(text.charAt(from))
        && Character.isHighSurrogate(text.charAt(from - 1))) {
      from--;
    }
    int to = (int) Math.min(text.length(), (long) from + length);
    if (to < text.length() && to > from && Character.isHighSurrogate(text.charAt(to - 1))) {
      to--;
    }
    return new DocumentText(id, from, text.length(), text.substring(from, to));
  }
}
