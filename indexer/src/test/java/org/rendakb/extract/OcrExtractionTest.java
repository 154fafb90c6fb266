package org.rendakb.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.ocr.Ocr;
import org.rendakb.ocr.OcrOptions;

/**
 * Scans drawn from corpus text at test time, read by the real Tesseract: image-only PDFs, a PDF
 * whose text layer is garbage, a PNG; the OCR cache; and the reason given where OCR is missing.
 */
class OcrExtractionTest {
  static final String LAW = "各级人民代表大会常务委员会监督法(2024-11-08).md";
  static String source;
  static List<List<String>> pages;

  @TempDir Path dir;

  @BeforeAll
  static void text() throws Exception {
    source = Scans.lawText(Fixtures.shared(), LAW, 1500);
    pages = Scans.pages(source).subList(0, 2);
  }

  private static Ocr ocr(Path cache) {
    Ocr ocr = Ocr.detect(OcrOptions.defaults(null).withCache(cache));
    assumeTrue(ocr.status().available(), "Tesseract with chi_sim is not installed: " + ocr.status().description());
    return ocr;
  }

  private static String drawn(List<List<String>> pages) {
    return String.join("", pages.stream().map(p -> String.join("", p)).toList());
  }

  @Test
  void scannedPdfIsReadPageByPageAndCachedByContent() throws Exception {
    Path pdf = Scans.pdf(dir.resolve("scan.pdf"), pages);
    Path cache = dir.resolve("cache");
    ExtractedText text;
    try (Extractor extractor = new Extractor(ExtractorLimits.defaults(), ocr(cache))) {
      text = extractor.extract(pdf);
      assertEquals(2, extractor.ocr().pagesRecognised());
    }
    assertEquals("ocr", text.extraction());
    assertEquals(new ExtractedText.OcrUse(2, "no text layer", text.ocr().confidence()), text.ocr());
    assertTrue(text.ocr().confidence() > 70, "confidence " + text.ocr().confidence());
    double found = Fixtures.hanInOrder(drawn(pages), text.text());
    assertTrue(found > 0.9, "share of the drawn hanzi read in order: " + found + "\n" + text.text());
    assertEquals(2, text.pageStarts().size());
    // the first line of page 2 stands on page 2
    String secondPageStart = pages.get(1).getFirst().substring(0, 6);
    int at = text.text().indexOf(secondPageStart);
    assertTrue(at > 0, "page 2's first words are read: " + secondPageStart);
    assertEquals(2, text.pageAt(at));
    assertEquals(1, text.pageAt(0));

    // a copy under another name: every page from the cache, none recognised again
    Path copy = java.nio.file.Files.copy(pdf, dir.resolve("renamed copy.pdf"));
    try (Extractor again = new Extractor(ExtractorLimits.defaults(), ocr(cache))) {
      ExtractedText second = again.extract(copy);
      assertEquals(0, again.ocr().pagesRecognised());
      assertEquals(2, again.ocr().pagesFromCache());
      assertEquals(text.text(), second.text());
    }
  }

  @Test
  void ocrStopsAtItsBoundsAndTheNextRunReadsOnlyThePagesLeft() throws Exception {
    Path pdf = Scans.pdf(dir.resolve("scan.pdf"), pages);
    Path cache = dir.resolve("cache");
    Ocr onePage = Ocr.detect(OcrOptions.defaults(null).withCache(cache).withBounds(1, Duration.ofMinutes(10)));
    assumeTrue(onePage.status().available(), "Tesseract with chi_sim is not installed");
    String secondPageStart = pages.get(1).getFirst().substring(0, 6);
    try (Extractor extractor = new Extractor(ExtractorLimits.defaults(), onePage)) {
      ExtractedText text = extractor.extract(pdf);
      assertEquals(1, extractor.ocr().pagesRecognised());
      assertEquals(1, text.ocr().pages());
      assertEquals("OCR stopped after 1 pages (limit --ocr-max-pages 1)", text.note());
      assertEquals(-1, text.text().indexOf(secondPageStart), "page 2 is not read");
    }
    // a later run without the bound (or one after an interrupted run) recognises only the page left
    try (Extractor extractor = new Extractor(ExtractorLimits.defaults(), ocr(cache))) {
      ExtractedText text = extractor.extract(pdf);
      assertEquals(1, extractor.ocr().pagesFromCache());
      assertEquals(1, extractor.ocr().pagesRecognised());
      assertEquals(2, text.ocr().pages());
      assertNull(text.note());
      assertEquals(2, text.pageAt(text.text().indexOf(secondPageStart)));
    }
    // no page allowed, or no time: the scans are reported as scans that were not read, not as empty files
    Path png = Scans.png(dir.resolve("scan.png"), pages.getFirst());
    for (OcrOptions bound : List.of(OcrOptions.defaults(null).withBounds(0, Duration.ofMinutes(10)),
        OcrOptions.defaults(null).withBounds(200, Duration.ZERO))) {
      String limit = bound.maxPages() == 0 ? "--ocr-max-pages 0" : "--ocr-max-seconds 0";
      try (Extractor extractor = new Extractor(ExtractorLimits.defaults(), Ocr.detect(bound))) {
        for (Path scan : List.of(pdf, png)) {
          ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(scan));
          assertEquals("scanned document (no text layer); OCR stopped after 0 pages (limit " + limit + ")", e.getMessage());
        }
        assertEquals(0, extractor.ocr().pagesRecognised());
      }
    }
  }

  @Test
  void garbageTextLayerIsReplacedByOcr() throws Exception {
    Path pdf = Scans.pdfWithBrokenTextLayer(dir.resolve("broken.pdf"), pages.subList(0, 1));
    try (Extractor extractor = new Extractor(ExtractorLimits.defaults(), ocr(null))) {
      ExtractedText text = extractor.extract(pdf);
      assertEquals("unreadable text layer", text.ocr().reason());
      assertTrue(Fixtures.hanInOrder(drawn(pages.subList(0, 1)), text.text()) > 0.9, text.text());
      assertTrue(text.text().chars().noneMatch(c -> c >= 0xC0 && c <= 0xFF), "no Latin-1 garbage left: " + text.text());
    }
  }

  @Test
  void imageFileIsRead() throws Exception {
    Path png = Scans.png(dir.resolve("公告.png"), pages.getFirst());
    try (Extractor extractor = new Extractor(ExtractorLimits.defaults(), ocr(null))) {
      ExtractedText text = extractor.extract(png);
      assertEquals("ocr", text.extraction());
      assertEquals("image/png", text.contentType());
      assertTrue(Fixtures.hanInOrder(String.join("", pages.getFirst()), text.text()) > 0.9, text.text());
    }
  }

  @Test
  void iconsAreNotRead() throws Exception {
    Path icon = dir.resolve("logo.png");
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
        icon.toFile());
    try (Extractor extractor = new Extractor(ExtractorLimits.defaults(), ocr(null))) {
      ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(icon));
      assertEquals("image too small to be a scanned page (64×64 pixels)", e.getMessage());
      assertEquals(0, extractor.ocr().pagesRecognised());
    }
  }

  @Test
  void withoutTesseractAScanIsReportedAsAScan() throws Exception {
    Path pdf = Scans.pdf(dir.resolve("scan.pdf"), pages.subList(0, 1));
    Path png = Scans.png(dir.resolve("scan.png"), pages.getFirst());
    Ocr missing = Ocr.detect(OcrOptions.defaults(null).withTesseract(dir.resolve("no/tesseract").toString()));
    assertTrue(!missing.status().available() && missing.status().description().contains("not found"),
        missing.status().description());
    try (Extractor extractor = new Extractor(ExtractorLimits.defaults(), missing)) {
      for (Path scan : List.of(pdf, png)) {
        ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(scan));
        assertEquals("scanned document (no text layer); OCR is not installed, see README", e.getMessage());
      }
    }
  }

  @Test
  void textPdfNeedsNoOcrAndKnowsItsPages() throws Exception {
    Path constitution = Fixtures.shared().resolve("corpus/pdf/中华人民共和国宪法.pdf");
    try (Extractor extractor = new Extractor(ExtractorLimits.defaults(), ocr(null))) {
      ExtractedText text = extractor.extract(constitution);
      assertNull(text.ocr());
      assertEquals("text", text.extraction());
      assertEquals(0, extractor.ocr().pagesRecognised());
      assertEquals(23, text.pageStarts().size());
      int at = text.text().indexOf("全国人民代表大会举行会议的时候，选举主席团主持会议");
      assertTrue(at > 0);
      assertEquals(12, text.pageAt(at));
      assertNotNull(text.pageAt(text.text().length() - 1));
      assertEquals(23, text.pageAt(text.text().length() - 1));
    }
  }
}
