package org.rendakb.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/** Generated hostile files: small on disk, huge or deep once parsed. */
public final class HostileFiles {
  private HostileFiles() {}

  /** One page of {@code operators} text-drawing operators, deflated: about 30 glyphs each. */
  public static Path glyphBombPdf(Path file, int operators) throws IOException {
    byte[] line = "BT /F1 1 Tf 10 10 Td (the quick brown fox jumps over) Tj ET\n".getBytes(StandardCharsets.US_ASCII);
    byte[] content = new byte[line.length * operators];
    for (int i = 0; i < operators; i++) {
      System.arraycopy(line, 0, content, i * line.length, line.length);
    }
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      page.setResources(helvetica());
      page.setContents(new PDStream(doc, new ByteArrayInputStream(content), COSName.FLATE_DECODE));
      doc.addPage(page);
      doc.save(file.toFile());
    }
    return file;
  }

  /** One form with {@code formChars} chars of text, drawn {@code draws} times on one page. */
  public static Path formBombPdf(Path file, int formChars, int draws) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDFormXObject form = new PDFormXObject(doc);
      form.setBBox(PDRectangle.A4);
      form.setResources(helvetica());
      try (OutputStream out = form.getContentStream().createOutputStream(COSName.FLATE_DECODE)) {
        out.write(("BT /F1 1 Tf 10 10 Td (" + "x".repeat(formChars) + ") Tj ET\n").getBytes(StandardCharsets.US_ASCII));
      }
      PDPage page = new PDPage(PDRectangle.A4);
      PDResources resources = new PDResources();
      resources.put(COSName.getPDFName("Fm1"), form);
      page.setResources(resources);
      page.setContents(new PDStream(doc, new ByteArrayInputStream(
          "/Fm1 Do\n".repeat(draws).getBytes(StandardCharsets.US_ASCII)), COSName.FLATE_DECODE));
      doc.addPage(page);
      doc.save(file.toFile());
    }
    return file;
  }

  private static PDResources helvetica() {
    PDResources resources = new PDResources();
    resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
    return resources;
  }

  /** A web page with its article inside {@code depth} nested div/span pairs. */
  public static Path nestedHtml(Path file, int depth) throws IOException {
    Files.writeString(file, "<html><head><meta charset=\"utf-8\"><title>嵌套</title></head><body>" + "<div><span>".repeat(depth)
        + "人民代表大会常务委员会工作报告。".repeat(10) + "</span></div>".repeat(depth) + "</body></html>", StandardCharsets.UTF_8);
    return file;
  }

  /** About {@code bytes} of UTF-8 text on one line: the hanzi of {@code source} repeated, no punctuation, no break. */
  public static Path giantLine(Path file, String source, long bytes) throws IOException {
    StringBuilder han = new StringBuilder();
    source.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).forEach(han::appendCodePoint);
    String block = han.toString();
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long written = 0; written < bytes; written += block.length() * 3L) {
        out.write(block);
      }
    }
    return file;
  }
}
