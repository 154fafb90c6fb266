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

  record Read(List<String> pages, Map<String, String> properties) {}

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
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        pages.add(lines(extractor.getPageTextObject(page)));
      }
      // the text block's edges over the whole document: a page of short lines has no wrapped line to show them
      double left = pages.stream().flatMap(List::stream).mapToDouble(Line::left).min().orElse(0);
      double right = pages.stream().flatMap(List::stream).mapToDouble(Line::right).max().orElse(0);
      return new Read(pages.stream().map(lines -> text(lines, left, right)).toList(), properties(reader));
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
