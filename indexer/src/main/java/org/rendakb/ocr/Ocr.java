package org.rendakb.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads scanned pages: takes a scanned page's own image, renders the other PDF pages that need it
 * with PDFBox, or takes an image file as it is, and has {@link Tesseract} read them, within the
 * per-file bounds of {@link OcrOptions}, each page looked up in and added to the {@link OcrCache}
 * first. Runs on the caller's thread (the
 * indexer's workers), so OCR is as parallel as indexing. Thread-safe.
 */
public final class Ocr {
  /** A page rendered larger than this is rendered at a lower resolution (a poster, not an A4 page). */
  private static final long MAX_PIXELS = 40_000_000L;

  private final OcrOptions options;
  private final OcrStatus status;
  private final Tesseract tesseract;
  private final OcrCache cache;
  private final AtomicInteger recognised = new AtomicInteger();
  private final AtomicInteger cached = new AtomicInteger();

  private Ocr(OcrOptions options, OcrStatus status) {
    this.options = options;
    this.status = status;
    this.tesseract = new Tesseract(options.tesseract(), options.languages());
    this.cache = new OcrCache(options.cache());
  }

  /** Finds out whether Tesseract runs here with the languages asked for. */
  public static Ocr detect(OcrOptions options) {
    return new Ocr(options, Tesseract.probe(options.tesseract(), options.languages()));
  }

  public OcrStatus status() {
    return status;
  }

  public OcrOptions options() {
    return options;
  }

  /** Pages recognised by Tesseract since this instance was made. */
  public int pagesRecognised() {
    return recognised.get();
  }

  /** Pages found in the cache since this instance was made. */
  public int pagesFromCache() {
    return cached.get();
  }

  /**
   * The pages read, by page index from 0, in order; pages beyond the bounds are missing.
   *
   * @param stopped why reading stopped before the last page asked for; null if it did not
   */
  public record Result(Map<Integer, RecognisedPage> pages, String stopped) {}

  /** Reads the given pages (indexes from 0) of a PDF. */
  public Result readPdf(Path pdf, List<Integer> pageIndexes) throws IOException {
    String hash = sha256(pdf);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFRenderer renderer = new PDFRenderer(doc);
      return read(pageIndexes, hash, (index, work) -> {
        Path png = work.resolve("page.png");
        BufferedImage image = scannedImage(doc.getPage(index));
        if (image == null) {
          image = renderer.renderImageWithDPI(index, dpiFor(doc.getPage(index).getMediaBox()), ImageType.GRAY);
        }
        ImageIO.write(image, "png", png.toFile());
        return png;
      });
    }
  }

  /** Reads an image file (png, jpg, tif …) as one page. */
  public Result readImage(Path image) throws IOException {
    return read(List.of(0), sha256(image), (index, work) -> image);
  }

  private interface PageImage {
    Path of(int index, Path work) throws IOException;
  }

  private Result read(List<Integer> pageIndexes, String hash, PageImage images) throws IOException {
    Map<Integer, RecognisedPage> out = new LinkedHashMap<>();
    long deadline = System.nanoTime() + options.maxTime().toNanos();
    int done = 0;
    Path work = Files.createTempDirectory("rendakb-ocr-");
    try {
      for (int index : pageIndexes) {
        String key = hash + "-p" + (index + 1) + "-" + options.dpi() + "-" + options.languages();
        RecognisedPage page = cache.get(key);
        if (page != null) {
          cached.incrementAndGet();
          out.put(index, page);
          continue;
        }
        if (done >= options.maxPages()) {
          return new Result(out, "OCR stopped after " + done + " pages (limit --ocr-max-pages " + options.maxPages() + ")");
        }
        if (System.nanoTime() > deadline) {
          return new Result(out, "OCR stopped after " + done + " pages (limit --ocr-max-seconds "
              + options.maxTime().toSeconds() + ")");
        }
        page = tesseract.recognise(images.of(index, work), work);
        cache.put(key, page);
        recognised.incrementAndGet();
        done++;
        out.put(index, page);
      }
      return new Result(out, null);
    } finally {
      deleteQuietly(work);
    }
  }

  /**
   * The image a scanned page is, as the scanner made it: the page's only image, upright, filling a
   * page of its shape, at 100 to 600 dpi; null for any other page, which is rendered instead.
   * Tesseract reads the scanner's own pixels better than a rendering resampled from them: on the
   * tests' scanned 公文 (150 dpi, noisy) it read every 发文字号 from the image, and one of four from
   * the page rendered at 200 dpi (none at 300).
   */
  private static BufferedImage scannedImage(PDPage page) throws IOException {
    PDResources resources = page.getResources();
    if (resources == null || page.getRotation() != 0) {
      return null;
    }
    PDImageXObject only = null;
    for (COSName name : resources.getXObjectNames()) {
      if (!(resources.getXObject(name) instanceof PDImageXObject image) || only != null) {
        return null;
      }
      only = image;
    }
    if (only == null) {
      return null;
    }
    PDRectangle box = page.getMediaBox();
    double dpi = only.getWidth() / (box.getWidth() / 72.0);
    double shape = (double) only.getWidth() / only.getHeight() / (box.getWidth() / box.getHeight());
    if (dpi < 100 || dpi > 600 || Math.abs(shape - 1) > 0.05 || (long) only.getWidth() * only.getHeight() > MAX_PIXELS) {
      return null;
    }
    return only.getImage();
  }

  private float dpiFor(PDRectangle box) {
    double pixels = (double) box.getWidth() / 72 * options.dpi() * box.getHeight() / 72 * options.dpi();
    return pixels <= MAX_PIXELS ? options.dpi() : (float) (options.dpi() * Math.sqrt(MAX_PIXELS / pixels));
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> all = new ArrayList<>(files.toList());
      java.util.Collections.reverse(all);
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary folder left behind is not worth failing a file for
    }
  }
}
