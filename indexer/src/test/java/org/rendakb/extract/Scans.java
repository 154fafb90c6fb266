package org.rendakb.extract;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scanned documents drawn at test time from corpus text: each page an A4 image at 150 dpi of
 * lines set in a CJK font (WenQuanYi Micro Hei or Noto CJK, as Debian installs them), turned by a
 * fraction of a degree and sprinkled with noise, as a scanner leaves them; wrapped as an image-only
 * PDF with PDFBox, or with a garbage text layer over the image (Chinese read as Latin-1, what a
 * wrongly mapped font gives), or written as a PNG.
 */
public final class Scans {
  private static final int DPI = 150;
  private static final int WIDTH = 1240;
  private static final int HEIGHT = 1754;
  private static final int FONT_PX = 30;
  private static final int LINE_PX = 52;
  private static final int MARGIN = 140;
  private static final List<Path> FONTS = List.of(
      Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
      Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
      Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"));

  private Scans() {}

  /** The body of a corpus law (its header and Markdown marks dropped), as lines of prose. */
  public static String lawText(Path shared, String fileName, int chars) throws IOException {
    try (Stream<Path> files = Files.walk(shared.resolve("corpus/laws"))) {
      Path law = files.filter(p -> p.getFileName().toString().equals(fileName)).findFirst()
          .orElseThrow(() -> new IllegalStateException("no corpus law " + fileName));
      String text = Files.readString(law, StandardCharsets.UTF_8);
      int body = text.indexOf("<!-- INFO END -->");
      text = (body < 0 ? text : text.substring(body + 17)).replaceAll("(?m)^#+\\s*", "").replaceAll("\\n{2,}", "\n").strip();
      return text.substring(0, Math.min(chars, text.length()));
    }
  }

  /** Cuts text into lines of at most {@code perLine} chars, and the lines into pages. */
  public static List<List<String>> pages(String text, int perLine, int linesPerPage) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n")) {
      for (int i = 0; i < paragraph.length(); i += perLine) {
        lines.add(paragraph.substring(i, Math.min(paragraph.length(), i + perLine)));
      }
    }
    List<List<String>> pages = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += linesPerPage) {
      pages.add(lines.subList(i, Math.min(lines.size(), i + linesPerPage)));
    }
    return pages;
  }

  /** Pages of corpus text, 30 lines of 32 chars each. */
  public static List<List<String>> pages(String text) {
    return pages(text, 32, 30);
  }

  public static BufferedImage draw(List<String> lines, long seed) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.rotate(Math.toRadians(0.6), WIDTH / 2.0, HEIGHT / 2.0);
      g.setColor(new Color(25, 25, 25));
      g.setFont(font());
      int y = MARGIN + FONT_PX;
      for (String line : lines) {
        g.drawString(line, MARGIN, y);
        y += LINE_PX;
      }
    } finally {
      g.dispose();
    }
    Random random = new Random(seed);
    for (int i = 0; i < WIDTH * HEIGHT / 400; i++) {
      int grey = random.nextInt(160);
      image.getRaster().setSample(random.nextInt(WIDTH), random.nextInt(HEIGHT), 0, grey);
    }
    return image;
  }

  /** An image-only PDF, one scanned page per list of lines. */
  public static Path pdf(Path file, List<List<String>> pages) throws IOException {
    return pdf(file, pages, false);
  }

  /**
   * A PDF of scanned pages with a text layer of garbage over each image: the page's text encoded
   * as GBK and read back as Latin-1 (ÖÐ»ª…), drawn in a standard font.
   */
  public static Path pdfWithBrokenTextLayer(Path file, List<List<String>> pages) throws IOException {
    return pdf(file, pages, true);
  }

  private static Path pdf(Path file, List<List<String>> pages, boolean garbageLayer) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      for (int p = 0; p < pages.size(); p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        PDImageXObject image = LosslessFactory.createFromImage(doc, draw(pages.get(p), p));
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
          if (garbageLayer) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
            // invisible, as the text layer a scanner's software lays over its image
            content.setRenderingMode(org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.NEITHER);
            content.newLineAtOffset(60, 780);
            for (String line : pages.get(p)) {
              content.showText(latin1(line));
              content.newLineAtOffset(0, -14);
            }
            content.endText();
          }
        }
      }
      doc.save(file.toFile());
    }
    return file;
  }

  /** A PNG of one scanned page. */
  public static Path png(Path file, List<String> lines) throws IOException {
    ImageIO.write(draw(lines, 7), "png", file.toFile());
    return file;
  }

  /** GBK bytes read as Latin-1, keeping only what the standard font can draw. */
  private static String latin1(String line) {
    String s = new String(line.getBytes(java.nio.charset.Charset.forName("GBK")), StandardCharsets.ISO_8859_1);
    StringBuilder b = new StringBuilder();
    s.chars().filter(c -> c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7).forEach(c -> b.append((char) c));
    return b.toString();
  }

  private static Font font() throws IOException {
    for (Path path : FONTS) {
      if (Files.isRegularFile(path)) {
        try {
          return Font.createFonts(path.toFile())[0].deriveFont((float) FONT_PX);
        } catch (FontFormatException e) {
          // the next one
        }
      }
    }
    throw new IllegalStateException("no CJK font installed (Debian's fonts-wqy-microhei or fonts-noto-cjk)");
  }
}
