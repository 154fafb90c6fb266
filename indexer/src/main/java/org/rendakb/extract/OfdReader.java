package org.rendakb.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.pageObj.layer.block.TextObject;
import org.ofdrw.core.basicType.ST_Box;
import org.ofdrw.core.text.TextCode;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;

/**
 * Reads OFD (GB/T 33190), the format of electronic official documents, with ofdrw: the text of
 * each page in the order its text objects are drawn, objects on the same baseline joined into one
 * line and lines wrapped at the margin into one paragraph, and the DocInfo properties (title,
 * author, creation date) under the keys Tika uses for other formats, so metadata extraction reads
 * them the same way.
 */
final class OfdReader {
  static final String TYPE = "application/ofd";
  /** Text objects whose tops differ by less than this (millimetres) stand on one line. */
  private static final double SAME_LINE_MM = 1.5;

  /** The pages' texts, the DocInfo properties and the blocks of the first and last pages. */
  record Read(List<String> pages, Map<String, String> properties, List<Block> blocks) {}

  private static final double POINTS_PER_MM = 72 / 25.4;

  /** A zip whose root holds OFD.xml, the package's entry point. */
  static boolean isOfd(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return zip.getEntry("OFD.xml") != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  Read read(Path file) throws ExtractionException {
    try (OFDReader reader = new OFDReader(file)) {
      ContentExtractor extractor = new ContentExtractor(reader);
      List<List<Line>> pages = new ArrayList<>();
      List<PageLines.Placed> placed = new ArrayList<>();
      int n = reader.getNumberOfPages();
      for (int page = 1; page <= n; page++) {
        List<TextObject> objects = extractor.getPageTextObject(page);
        pages.add(lines(objects));
        if (page <= PdfLayout.FIRST_PAGES || page > n - PdfLayout.LAST_PAGES) {
          placed.addAll(placed(page, objects));
        }
      }
      // the text block's edges over the whole document: a page of short lines has no wrapped line to show them
      double left = pages.stream().flatMap(List::stream).mapToDouble(Line::left).min().orElse(0);
      double right = pages.stream().flatMap(List::stream).mapToDouble(Line::right).max().orElse(0);
      return new Read(pages.stream().map(lines -> text(lines, left, right)).toList(), properties(reader), blocks(placed, reader));
    } catch (IOException | RuntimeException e) {
      throw new ExtractionException("corrupt or unreadable OFD file (its pages could not be read)", e);
    }
  }

  /** One line of a page: its text, and where it stands (millimetres); NaN where the file gives no box. */
  private record Line(String text, double top, double left, double right, double size) {}

  /** The page's text objects grouped into lines: objects on one baseline are one line. */
  private static List<Line> lines(List<TextObject> objects) {
    List<Line> lines = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    double top = Double.NaN;
    double left = Double.NaN;
    double right = Double.NaN;
    double size = Double.NaN;
    for (TextObject object : objects) {
      StringBuilder content = new StringBuilder();
      for (TextCode code : object.getTextCodes()) {
        if (code.getContent() != null) {
          content.append(code.getContent());
        }
      }
      if (content.isEmpty()) {
        continue;
      }
      ST_Box box = object.getBoundary();
      double objectTop = box == null ? Double.NaN : box.getTopLeftY();
      boolean sameLine = !text.isEmpty() && Math.abs(objectTop - top) < SAME_LINE_MM;
      if (!text.isEmpty() && !sameLine) {
        lines.add(new Line(text.toString(), top, left, right, size));
        text.setLength(0);
      }
      double objectLeft = box == null ? Double.NaN : box.getTopLeftX();
      double objectRight = box == null ? Double.NaN : box.getTopLeftX() + box.getWidth();
      left = text.isEmpty() ? objectLeft : Math.min(left, objectLeft);
      right = text.isEmpty() ? objectRight : Math.max(right, objectRight);
      size = object.getSize() != null ? object.getSize() : box == null ? Double.NaN : box.getHeight();
      text.append(content);
      top = objectTop;
    }
    if (!text.isEmpty()) {
      lines.add(new Line(text.toString(), top, left, right, size));
    }
    return lines;
  }

  /**
   * The lines of a page, each line that was wrapped at the margin joined to the one it wrapped
   * onto, every other line ending where it ends. The layout says where a paragraph ends, which the
   * PDF cleaner has to guess from line lengths: a title as long as the body's lines is not joined
   * to the 主送 below it, nor a 成文日期 on the right to the 版记 under it.
   */
  private static String text(List<Line> lines, double blockLeft, double blockRight) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      out.append(lines.get(i).text());
      if (i + 1 < lines.size() && !wrapped(lines.get(i), lines.get(i + 1), blockLeft, blockRight)) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** The blocks of the pages read for layout; none if the page size is not stated. */
  private static List<Block> blocks(List<PageLines.Placed> placed, OFDReader reader) {
    try {
      ST_Box size = reader.getPageSize(1);
      if (size == null || size.getWidth() == null || placed.isEmpty()) {
        return List.of();
      }
      Blocks blocks = new Blocks();
      PageLines.judge(placed, (float) (size.getWidth() * POINTS_PER_MM)).forEach(blocks::add);
      return blocks.build();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /**
   * A page's lines where they stand, in points: text objects on one baseline make one line, which
   * reaches from the first object's start to the last one's end (its chars, each as wide as the
   * type's size, Latin ones half).
   */
  private static List<PageLines.Placed> placed(int page, List<TextObject> objects) {
    List<PageLines.Placed> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    double x0 = 0;
    double x1 = 0;
    double top = -1;
    double size = 0;
    int chars = 0;
    int boldChars = 0;
    for (TextObject object : objects) {
      ST_Box box = object.getBoundary();
      if (box == null || box.getTopLeftX() == null || box.getTopLeftY() == null) {
        continue;
      }
      StringBuilder content = new StringBuilder();
      double points = object.getSize() == null ? 0 : object.getSize();
      double start = Double.MAX_VALUE;
      double end = -Double.MAX_VALUE;
      for (TextCode code : object.getTextCodes()) {
        String c = code.getContent();
        if (c == null || c.isEmpty()) {
          continue;
        }
        // a code's chars start at its X and step by its DeltaX; the last one is as wide as the type (Latin half)
        double x = box.getTopLeftX() + (code.getX() == null ? 0 : code.getX());
        double steps = 0;
        Double[] deltas = deltas(code);
        for (int i = 0; i + 1 < c.length(); i++) {
          steps += deltas != null && deltas.length > 0 ? deltas[Math.min(i, deltas.length - 1)] : advance(c.substring(i, i + 1)) * points;
        }
        start = Math.min(start, x);
        end = Math.max(end, x + steps + advance(c.substring(c.length() - 1)) * points);
        content.append(c);
      }
      if (content.toString().isBlank()) {
        continue;
      }
      double objectTop = box.getTopLeftY();
      if (top >= 0 && Math.abs(objectTop - top) >= SAME_LINE_MM) {
        out.add(place(page, text, x0, x1, top, size, chars, boldChars));
        text.setLength(0);
        chars = 0;
        boldChars = 0;
      }
      if (text.isEmpty()) {
        x0 = start;
        x1 = end;
        top = objectTop;
        size = points;
      }
      x0 = Math.min(x0, start);
      x1 = Math.max(x1, end);
      text.append(content);
      int n = content.length();
      chars += n;
      boolean bold = object.getWeight() != null && object.getWeight().getWeight() != null && object.getWeight().getWeight() >= 600;
      if (bold) {
        boldChars += n;
      }
    }
    if (!text.isEmpty()) {
      out.add(place(page, text, x0, x1, top, size, chars, boldChars));
    }
    return out;
  }

  private static PageLines.Placed place(int page, CharSequence text, double x0, double x1, double top, double size, int chars,
      int boldChars) {
    return new PageLines.Placed(page, text.toString().strip(), (float) (x0 * POINTS_PER_MM), (float) (x1 * POINTS_PER_MM),
        (float) (top * POINTS_PER_MM), (float) (size * POINTS_PER_MM), boldChars * 2 > chars);
  }

  /** A text code's steps between chars (DeltaX, its g n v runs unfolded), or null if none. */
  private static Double[] deltas(TextCode code) {
    try {
      return code.getDeltaX() == null ? null : unfold(code.getDeltaX().getArray());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Double[] unfold(List<String> items) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).equals("g") && i + 2 < items.size()) {
        int n = Integer.parseInt(items.get(i + 1));
        double v = Double.parseDouble(items.get(i + 2));
        for (int k = 0; k < n && out.size() < 100_000; k++) {
          out.add(v);
        }
        i += 2;
      } else {
        out.add(Double.parseDouble(items.get(i)));
      }
    }
    return out.toArray(new Double[0]);
  }

  /** A text's width in ems: a Chinese char one, a Latin letter or digit half. */
  private static double advance(CharSequence s) {
    double ems = 0;
    for (int i = 0; i < s.length(); i++) {
      ems += s.charAt(i) < 0x2000 ? 0.5 : 1;
    }
    return ems;
  }

  /**
   * Whether {@code line} runs on in {@code next}: it reaches the right edge of the text block (less
   * than a char short), both are set in one size, and either a left-aligned line (perhaps indented
   * as a paragraph's first) goes on at the left edge, or a line across the whole block goes on
   * centred (a long title). A size the file does not give (NaN) never wraps.
   */
  private static boolean wrapped(Line line, Line next, double blockLeft, double blockRight) {
    double size = line.size();
    if (!(line.right() >= blockRight - size) || !(Math.abs(next.size() - size) < size * 0.05)) {
      return false;
    }
    boolean nextAtLeft = next.left() <= blockLeft + size / 2;
    if (line.left() <= blockLeft + 2.5 * size && nextAtLeft) {
      return true;
    }
    double middle = (blockLeft + blockRight) / 2;
    boolean nextCentred = Math.abs((next.left() + next.right()) / 2 - middle) < size / 2;
    return line.left() <= blockLeft + size / 2 && nextCentred;
  }

  private static Map<String, String> properties(OFDReader reader) {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      CT_DocInfo info = reader.getOFDDir().getOfd().getDocBody().getDocInfo();
      if (info == null) {
        return out;
      }
      put(out, "dc:title", info.getTile());
      put(out, "dc:creator", info.getAuthor());
      put(out, "dcterms:created", info.getCreationDate() == null ? null : info.getCreationDate().toString());
      put(out, "dcterms:modified", info.getModDate() == null ? null : info.getModDate().toString());
    } catch (Exception e) {
      // a package without readable DocInfo still has its pages
    }
    return out;
  }

  private static void put(Map<String, String> out, String key, String value) {
    String clean = Charsets.readableProperty(value);
    if (clean != null) {
      out.put(key, clean);
    }
  }
}
