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
 * line, and the DocInfo properties (title, author, creation date) under the keys Tika uses for
 * other formats, so metadata extraction reads them the same way.
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
      List<String> pages = new ArrayList<>();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        pages.add(text(extractor.getPageTextObject(page)));
      }
      return new Read(pages, properties(reader));
    } catch (IOException | RuntimeException e) {
      throw new ExtractionException("corrupt or unreadable OFD file (its pages could not be read)", e);
    }
  }

  private static String text(List<TextObject> objects) {
    StringBuilder out = new StringBuilder();
    Double lineTop = null;
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
      Double top = box == null ? null : box.getTopLeftY();
      boolean sameLine = lineTop != null && top != null && Math.abs(top - lineTop) < SAME_LINE_MM;
      if (!out.isEmpty() && !sameLine) {
        out.append('\n');
      }
      out.append(content);
      lineTop = top;
    }
    return out.toString();
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
