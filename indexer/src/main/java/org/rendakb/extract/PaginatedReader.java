package org.rendakb.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.rendakb.clean.TextCleaner;
import org.rendakb.ocr.Ocr;
import org.rendakb.ocr.RecognisedPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of a paginated file, page by page: each page's text layer judged by {@link TextQuality},
 * the pages without one (that show an image) or with garbage read by {@link Ocr} instead, each page
 * cleaned on its own and the pages joined with a paragraph break, so that the offsets where pages
 * start survive cleaning exactly. Without OCR the scanned pages are left out and the report says so.
 */
final class PaginatedReader {
  private static final Logger log = LoggerFactory.getLogger(PaginatedReader.class);
  static final String NO_OCR = "OCR is not installed, see README";
  static final String NO_TEXT_LAYER = "no text layer";
  static final String UNREADABLE = "unreadable text layer";

  private final Ocr ocr;
  private final TextCleaner cleaner;

  PaginatedReader(Ocr ocr, TextCleaner cleaner) {
    this.ocr = ocr;
    this.cleaner = cleaner;
  }

  /** A PDF whose Tika text holds a {@link PageMarks#PAGE_BREAK} between pages. */
  Joined pdf(Path file, String raw) throws ExtractionException {
    List<String> pages = new ArrayList<>(List.of(raw.split(String.valueOf(PageMarks.PAGE_BREAK), -1)));
    List<Integer> empty = new ArrayList<>();
    List<Integer> garbage = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      switch (TextQuality.of(pages.get(i))) {
        case EMPTY -> empty.add(i);
        case GARBAGE -> garbage.add(i);
        case TEXT -> { }
      }
    }
    List<Integer> scanned = empty.isEmpty() ? List.of() : withImages(file, empty);
    List<Integer> toRead = new ArrayList<>(scanned);
    toRead.addAll(garbage);
    toRead.sort(null);
    for (int i : garbage) {
      pages.set(i, ""); // garbage is never indexed, with or without OCR
    }
    if (toRead.isEmpty()) {
      return join(pages, null, null);
    }
    String reason = garbage.isEmpty() ? NO_TEXT_LAYER : UNREADABLE;
    if (!ocr.status().available()) {
      if (allEmpty(pages)) {
        throw new ExtractionException(what(garbage.isEmpty()) + "; " + NO_OCR);
      }
      return join(pages, null, toRead.size() + " of " + pages.size() + " pages are scans or unreadable and were not read: " + NO_OCR);
    }
    Ocr.Result read;
    try {
      read = ocr.readPdf(file, toRead);
    } catch (IOException | RuntimeException e) {
      log.warn("OCR failed on {}: {}", file.getFileName(), e.toString());
      throw new ExtractionException(what(garbage.isEmpty()) + "; OCR could not read its pages (" + plain(e) + ")", e);
    }
    read.pages().forEach((i, page) -> pages.set(i, tidy(page.text())));
    if (read.pages().isEmpty() && allEmpty(pages)) {
      // a bound of 0 pages, or no time left: the file is a scan that was not read, not an empty PDF
      throw new ExtractionException(what(garbage.isEmpty()) + "; " + read.stopped());
    }
    return join(pages, use(read, reason), read.stopped());
  }

  /** A Latin or Cyrillic O among Chinese numerals, as OCR reads the 〇 of 二〇二〇年. */
  private static final Pattern OCR_ZERO =
      Pattern.compile("(?<=[〇○一二三四五六七八九])[OoОо]|[OoОо](?=[〇○一二三四五六七八九])");

  /** Recognised text with what OCR predictably gets wrong in 公文 put right (the cache keeps Tesseract's own). */
  static String tidy(String recognised) {
    return OCR_ZERO.matcher(recognised).replaceAll("〇");
  }

  private static boolean allEmpty(List<String> pages) {
    return pages.stream().allMatch(p -> TextQuality.of(p) == TextQuality.Verdict.EMPTY);
  }

  /** What a file whose pages need OCR is, in words. */
  private static String what(boolean scanned) {
    return scanned ? "scanned document (no text layer)" : "unreadable text layer (its fonts map to the wrong characters)";
  }

  /** An image file: one page, all of it OCR. */
  Joined image(Path file) throws ExtractionException {
    java.awt.Dimension size = imageSize(file);
    if (size != null && (size.width < MIN_IMAGE_SIDE || size.height < MIN_IMAGE_SIDE)) {
      // icons, logos and buttons saved with a web page: not worth a Tesseract run
      throw new ExtractionException(String.format("image too small to be a scanned page (%d×%d pixels)", size.width,
          size.height));
    }
    if (!ocr.status().available()) {
      throw new ExtractionException(what(true) + "; " + NO_OCR);
    }
    Ocr.Result read;
    try {
      read = ocr.readImage(file);
    } catch (IOException | RuntimeException e) {
      throw new ExtractionException("image that OCR could not read (" + plain(e) + ")", e);
    }
    if (read.pages().isEmpty()) {
      throw new ExtractionException(what(true) + "; " + read.stopped());
    }
    return join(List.of(tidy(read.pages().get(0).text())), use(read, NO_TEXT_LAYER), null);
  }

  /** Images with a side shorter than this (pixels) are not read: a line of text at 150 dpi is 50 high. */
  static final int MIN_IMAGE_SIDE = 150;

  /** The image's size from its header, without decoding it; null if no reader knows it. */
  private static java.awt.Dimension imageSize(Path file) {
    try (var in = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
      var readers = in == null ? null : javax.imageio.ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return null;
      }
      var reader = readers.next();
      try {
        reader.setInput(in);
        return new java.awt.Dimension(reader.getWidth(0), reader.getHeight(0));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Pages of an OFD file, its lines already joined by their layout: only cleaned and joined. */
  Joined ofd(List<String> pages) {
    return join(pages, OfdReader.TYPE, null, null);
  }

  /** The pages' cleaned texts joined, and where each starts. */
  record Joined(String text, List<Integer> starts, ExtractedText.OcrUse ocr, String note) {}

  private Joined join(List<String> pages, ExtractedText.OcrUse use, String note) {
    return join(pages, "application/pdf", use, note);
  }

  private Joined join(List<String> pages, String contentType, ExtractedText.OcrUse use, String note) {
    StringBuilder text = new StringBuilder();
    List<Integer> starts = new ArrayList<>(pages.size());
    for (String page : pages) {
      String clean = cleaner.clean(page, contentType);
      if (!clean.isEmpty() && !text.isEmpty()) {
        text.append("\n\n");
      }
      starts.add(text.length());
      text.append(clean);
    }
    return new Joined(text.toString(), starts, use, note);
  }

  private static ExtractedText.OcrUse use(Ocr.Result read, String reason) {
    double sum = 0;
    int n = 0;
    for (RecognisedPage p : read.pages().values()) {
      if (!Double.isNaN(p.confidence())) {
        sum += p.confidence();
        n++;
      }
    }
    return new ExtractedText.OcrUse(read.pages().size(), reason, n == 0 ? null : Math.round(sum / n * 10) / 10.0);
  }

  /** Of the pages given, those that draw an image: an empty page without one is blank, not a scan. */
  private static List<Integer> withImages(Path file, List<Integer> pages) {
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      List<Integer> out = new ArrayList<>();
      for (int i : pages) {
        if (i < doc.getNumberOfPages() && drawsImage(doc.getPage(i).getResources(), 0)) {
          out.add(i);
        }
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static boolean drawsImage(PDResources resources, int depth) throws IOException {
    if (resources == null || depth > 3) {
      return false;
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(name);
      if (x instanceof PDImageXObject || x instanceof PDFormXObject form && drawsImage(form.getResources(), depth + 1)) {
        return true;
      }
    }
    return false;
  }

  private static String plain(Throwable e) {
    return e instanceof IOException && e.getMessage() != null && e.getMessage().startsWith("Tesseract")
        ? e.getMessage() : "the page images could not be made";
  }
}
