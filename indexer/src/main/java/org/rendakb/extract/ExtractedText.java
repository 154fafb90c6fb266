package org.rendakb.extract;

import java.util.List;
import java.util.Map;

/**
 * What Tika read from one file, after clean-up.
 *
 * @param text the cleaned plain text
 * @param contentType the detected media type (application/pdf, text/plain …)
 * @param properties file properties worth keeping (title, author, created …), by Tika key
 * @param truncated whether the write limit cut the text
 * @param note a remark for the report, e.g. why the text was truncated; null if none
 * @param pageStarts for a paginated file (PDF, OFD, image), the offset in {@code text} where each
 *     page starts, page 1 first; empty for a file without pages
 * @param ocr how much of the text Tesseract read, and why; null when none of it
 * @param blocks the lines or paragraphs of the file's head and end as a reader sees them (centred,
 *     bold, large, standalone, repeated), in order; empty where the format shows none (plain text,
 *     OCR) or the layout could not be read
 */
public record ExtractedText(
    String text, String contentType, Map<String, String> properties, boolean truncated, String note,
    List<Integer> pageStarts, OcrUse ocr, List<Block> blocks) {

  public ExtractedText {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
    pageStarts = pageStarts == null ? List.of() : List.copyOf(pageStarts);
    blocks = blocks == null ? List.of() : List.copyOf(blocks);
  }

  /** Without blocks (a text read back from the index, which keeps no layout). */
  public ExtractedText(String text, String contentType, Map<String, String> properties, boolean truncated, String note,
      List<Integer> pageStarts, OcrUse ocr) {
    this(text, contentType, properties, truncated, note, pageStarts, ocr, List.of());
  }

  /** A text without pages, read without OCR. */
  public ExtractedText(String text, String contentType, Map<String, String> properties, boolean truncated, String note) {
    this(text, contentType, properties, truncated, note, List.of(), null, List.of());
  }

  /** The same, with another text (offsets of pages are kept: for changes that keep offsets only). */
  public ExtractedText withText(String newText) {
    return new ExtractedText(newText, contentType, properties, truncated, note, pageStarts, ocr, blocks);
  }

  /** The same, with these blocks. */
  public ExtractedText withBlocks(List<Block> newBlocks) {
    return new ExtractedText(text, contentType, properties, truncated, note, pageStarts, ocr, newBlocks);
  }

  /** {@code ocr} when Tesseract read some of the text, else {@code text}. */
  public String extraction() {
    return ocr == null ? "text" : "ocr";
  }

  /** The page (from 1) of the char at {@code offset}; null for a file without pages. */
  public Integer pageAt(int offset) {
    return Pages.at(pageStarts, offset);
  }

  /**
   * The part Tesseract read.
   *
   * @param pages pages recognised (or taken from the OCR cache)
   * @param reason {@code no text layer} or {@code unreadable text layer}
   * @param confidence Tesseract's mean word confidence over those pages, 0–100; null when it gave none
   */
  public record OcrUse(int pages, String reason, Double confidence) {}
}
