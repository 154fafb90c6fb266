package org.rendakb.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hostile and broken files: each gives text or a reason a person understands, within the time bound. */
class BadFilesTest {
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(BadFilesTest.class);
  private static Extractor extractor;

  @TempDir
  Path dir;

  @BeforeAll
  static void open() {
    extractor = new Extractor(new ExtractorLimits(10_000_000, Duration.ofSeconds(20), 200L * 1024 * 1024));
  }

  @AfterAll
  static void close() {
    extractor.close();
  }

  private String reason(Path file) {
    ExtractionException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(ExtractionException.class, () -> extractor.extract(file)));
    log.info("{}: {}", file.getFileName(), e.getMessage());
    return e.getMessage();
  }

  @Test
  void emptyFile() throws IOException {
    assertEquals("empty file", reason(Files.write(dir.resolve("empty.docx"), new byte[0])));
  }

  @Test
  void binaryJunk() throws IOException {
    byte[] junk = new byte[100_000];
    new Random(7).nextBytes(junk);
    assertEquals("unsupported or binary file (application/octet-stream)", reason(Files.write(dir.resolve("junk.bin"), junk)));
  }

  @Test
  void randomBytesNamedPdf() throws IOException {
    byte[] junk = new byte[50_000];
    new Random(11).nextBytes(junk);
    String reason = reason(Files.write(dir.resolve("report.pdf"), junk));
    assertTrue(reason.startsWith("corrupt or truncated file") || reason.startsWith("unsupported or binary file"), reason);
  }

  @Test
  void corruptPdf() throws IOException {
    byte[] pdf = Files.readAllBytes(Fixtures.file("tobacco-tax-law.pdf"));
    byte[] broken = Arrays.copyOf(pdf, 600); // header and the first object, no pages, no xref
    assertTrue(reason(Files.write(dir.resolve("broken.pdf"), broken)).startsWith("corrupt or truncated file: "));
  }

  @Test
  void truncatedDocx() throws IOException {
    byte[] docx = Files.readAllBytes(Fixtures.file("tobacco-tax-law.docx"));
    Path half = Files.write(dir.resolve("half.docx"), Arrays.copyOf(docx, docx.length / 2));
    // a zip cut in half has lost its central directory: either some text is salvaged or the reason says so
    Object outcome = assertTimeoutPreemptively(BOUND, () -> {
      try {
        return extractor.extract(half);
      } catch (ExtractionException e) {
        return e;
      }
    });
    if (outcome instanceof ExtractedText t) {
      assertTrue(t.text().contains("烟叶税"), t.text());
    } else {
      String reason = ((ExtractionException) outcome).getMessage();
      log.info("half.docx: {}", reason);
      assertTrue(reason.startsWith("corrupt or truncated file: "), reason);
    }
  }

  @Test
  void encryptedPdf() throws IOException {
    Path pdf = dir.resolve("secret.pdf");
    try (PDDocument doc = Loader.loadPDF(Fixtures.file("tobacco-tax-law.pdf").toFile())) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(pdf.toFile());
    }
    assertEquals("encrypted (password-protected) document", reason(pdf));
  }

  @Test
  void docxThatIsReallyTextIsReadAsText() throws Exception {
    Path fake = Files.writeString(dir.resolve("notice.docx"), Fixtures.source("tobacco-tax-law.txt"), StandardCharsets.UTF_8);
    ExtractedText t = extractor.extract(fake);
    assertEquals("text/plain", t.contentType());
    assertTrue(t.text().startsWith("中华人民共和国烟叶税法"));
  }

  @Test
  void zipBombDocxIsRejected() throws IOException {
    // the fixture docx with its document.xml replaced by one whose text run inflates from ~100 KB to 100 MB
    Path bomb = dir.resolve("bomb.docx");
    try (ZipFile source = new ZipFile(Fixtures.file("tobacco-tax-law.docx").toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
      for (ZipEntry e : source.stream().toList()) {
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals("word/document.xml")) {
          writeHugeDocument(out);
        } else {
          source.getInputStream(e).transferTo(out);
        }
        out.closeEntry();
      }
    }
    assertTrue(Files.size(bomb) < 1_000_000);
    String reason = reason(bomb);
    assertTrue(reason.startsWith("zip bomb: "), reason);
  }

  private static void writeHugeDocument(OutputStream out) throws IOException {
    out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
        .getBytes(StandardCharsets.UTF_8));
    byte[] block = new byte[1 << 20];
    Arrays.fill(block, (byte) 'a');
    for (int i = 0; i < 100; i++) {
      out.write(block);
    }
    out.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void tensOfMegabytesOfTextAreTruncatedNotFailed() throws IOException {
    Path big = dir.resolve("big.txt");
    byte[] law = Files.readAllBytes(Fixtures.file("tobacco-tax-law.txt"));
    try (OutputStream out = Files.newOutputStream(big)) {
      for (long written = 0; written < 40L << 20; written += law.length) {
        out.write(law);
      }
    }
    try (Extractor small = new Extractor(new ExtractorLimits(2_000_000, Duration.ofSeconds(20), 200L << 20))) {
      ExtractedText t = assertTimeoutPreemptively(BOUND, () -> small.extract(big));
      assertTrue(t.truncated());
      assertTrue(t.note().contains("truncated"), t.note());
      assertTrue(t.text().length() <= 2_000_000 && t.text().length() > 1_900_000, "length " + t.text().length());
      assertTrue(t.text().startsWith("中华人民共和国烟叶税法"));
    }
  }

  @Test
  void slowParseGivesUpAtTheTimeLimit() {
    Path civilCode = Fixtures.shared().resolve("corpus/pdf/中华人民共和国民法典.pdf");
    try (Extractor hasty = new Extractor(new ExtractorLimits(10_000_000, Duration.ofMillis(50), 200L << 20))) {
      long start = System.nanoTime();
      ExtractionException e = assertThrows(ExtractionException.class, () -> hasty.extract(civilCode));
      assertEquals("parsing took longer than 50 ms", e.getMessage());
      assertTrue(System.nanoTime() - start < 5_000_000_000L, "the watchdog did not give up on time");
    }
  }

  @Test
  void pdfPageThatInflatesToMillionsOfGlyphsIsRejectedBeforeParsing() throws IOException {
    // 600,000 text operators on one page, deflated to a few hundred KB: PDFBox would hold ~18 million glyphs at once
    Path bomb = HostileFiles.glyphBombPdf(dir.resolve("glyphs.pdf"), 600_000);
    assertTrue(Files.size(bomb) < 2_000_000, "small file: " + Files.size(bomb));
    assertTrue(reason(bomb).startsWith("PDF bomb: page 1 draws more than"));
  }

  @Test
  void pdfFormDrawnThousandsOfTimesIsRejected() throws IOException {
    // one form with 20 KB of text, drawn 2,000 times on a page: 40 MB of text from a file of a few KB
    Path bomb = HostileFiles.formBombPdf(dir.resolve("forms.pdf"), 20_000, 2_000);
    assertTrue(Files.size(bomb) < 100_000, "small file: " + Files.size(bomb));
    assertTrue(reason(bomb).startsWith("PDF bomb: page 1 draws more than"));
  }

  @Test
  void realPdfsPassTheBombCheck() throws ExtractionException {
    assertTrue(extractor.extract(Fixtures.file("tobacco-tax-law.pdf")).text().contains("烟叶税"));
    Path constitution = Fixtures.shared().resolve("corpus/pdf");
    try (var pdfs = Files.list(constitution)) {
      for (Path pdf : pdfs.toList()) {
        assertTrue(extractor.extract(pdf).text().length() > 10_000, pdf.toString());
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void deeplyNestedHtmlIsRead() throws Exception {
    Path page = HostileFiles.nestedHtml(dir.resolve("nested.html"), 100_000);
    ExtractedText t = assertTimeoutPreemptively(BOUND, () -> extractor.extract(page));
    assertTrue(t.text().contains("人民代表大会常务委员会工作报告。"), t.text());
  }

  @Test
  void memoryBudgetLowersTheTextLimitForSmallHeaps() {
    ExtractorLimits d = ExtractorLimits.defaults();
    assertEquals(d.maxChars(), d.forHeap(8L << 30, 2).maxChars(), "an 8 GB heap keeps the full limit");
    int small = d.forHeap(256L << 20, 2).maxChars();
    assertTrue(small < 1_000_000 && small > 500_000, "256 MB, 2 threads: " + small);
    assertTrue(d.forHeap(256L << 20, 8).maxChars() < small, "more threads, less per file");
  }
}
