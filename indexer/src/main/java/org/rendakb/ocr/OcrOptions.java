package org.rendakb.ocr;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How scanned pages are read.
 *
 * @param tesseract the Tesseract program: a name looked up on PATH, or a path
 * @param languages Tesseract's language list, e.g. {@code chi_sim+eng}
 * @param dpi resolution pages are rendered at before recognition
 * @param maxPages pages recognised per file at most; the rest stay unread (and the report says so)
 * @param maxTime recognition time per file at most (pages from the cache cost none)
 * @param cache folder of recognised pages by content hash; null for none
 */
public record OcrOptions(String tesseract, String languages, int dpi, int maxPages, Duration maxTime, Path cache) {
  public static final String DEFAULT_TESSERACT = "tesseract";
  public static final String DEFAULT_LANGUAGES = "chi_sim+eng";
  /** 200 dpi: Tesseract read a page of the Constitution as well as at 300 dpi, in 60% of the time. */
  public static final int DEFAULT_DPI = 200;
  public static final int DEFAULT_MAX_PAGES = 200;
  public static final Duration DEFAULT_MAX_TIME = Duration.ofMinutes(10);
  /** The cache's default folder name, beside the index folder. */
  public static final String DEFAULT_CACHE_FOLDER = "ocr-cache";

  public OcrOptions {
    if (maxPages < 0) {
      throw new IllegalArgumentException("the OCR page limit cannot be negative, got " + maxPages);
    }
    if (dpi < 50 || dpi > 1200) {
      throw new IllegalArgumentException("the OCR resolution must be between 50 and 1200 dpi, got " + dpi);
    }
  }

  /** The defaults, with the cache beside {@code index} (null: no cache). */
  public static OcrOptions defaults(Path index) {
    return new OcrOptions(DEFAULT_TESSERACT, DEFAULT_LANGUAGES, DEFAULT_DPI, DEFAULT_MAX_PAGES, DEFAULT_MAX_TIME,
        index == null ? null : defaultCache(index));
  }

  public static Path defaultCache(Path index) {
    return index.toAbsolutePath().normalize().resolveSibling(DEFAULT_CACHE_FOLDER);
  }

  public OcrOptions withTesseract(String program) {
    return new OcrOptions(program, languages, dpi, maxPages, maxTime, cache);
  }

  public OcrOptions withCache(Path folder) {
    return new OcrOptions(tesseract, languages, dpi, maxPages, maxTime, folder);
  }

  public OcrOptions withBounds(int pages, Duration time) {
    return new OcrOptions(tesseract, languages, dpi, pages, time, cache);
  }
}
