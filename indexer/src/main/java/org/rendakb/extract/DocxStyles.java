package org.rendakb.extract;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How a Word (docx) file's styles set its paragraphs and runs, read from styles.xml: each style's
 * alignment, outline level, size and weight, the style it is based on, and the document's defaults,
 * looked up as Word looks them up. {@link Props} reads the same properties from a paragraph's or a
 * run's own settings.
 */
final class DocxStyles {
  private final Map<String, Style> byId = new HashMap<>();
  private Style defaults = new Style(null, null, null, null, null);

  void read(InputStream in) throws XMLStreamException {
    XMLStreamReader r = Xml.reader(in);
    try {
      String id = null;
      String name = null;
      Props props = null;
      boolean inDefaults = false;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT && Xml.W.equals(r.getNamespaceURI())) {
          String el = r.getLocalName();
          switch (el) {
            case "docDefaults" -> {
              inDefaults = true;
              props = new Props();
            }
            case "style" -> {
              id = Xml.w(r, "styleId");
              name = null;
              props = new Props();
            }
            case "name" -> name = Xml.w(r, "val");
            case "basedOn" -> {
              if (props != null) {
                props.basedOn = Xml.w(r, "val");
              }
            }
            default -> {
              if (props != null) {
                props.read(r);
              }
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT && Xml.W.equals(r.getNamespaceURI())) {
          if (r.getLocalName().equals("docDefaults") && props != null) {
            defaults = props.style(null);
            inDefaults = false;
            props = null;
          } else if (r.getLocalName().equals("style") && props != null && id != null && !inDefaults) {
            byId.put(id, props.style(name));
            props = null;
          }
        }
      }
    } finally {
      r.close();
    }
  }

  /** A property of a style, looked up along the styles it is based on, else the defaults'. */
  <T> T resolve(String id, java.util.function.Function<Style, T> property) {
    for (int depth = 0; id != null && depth < 20; depth++) {
      Style s = byId.get(id);
      if (s == null) {
        break;
      }
      T value = property.apply(s);
      if (value != null) {
        return value;
      }
      id = s.basedOn();
    }
    return property.apply(defaults);
  }

  /** What a paragraph or run style sets; null where it says nothing. */
  record Style(String basedOn, Block.Align align, Integer heading, Float points, Boolean bold) {}

  /** Properties being read from a pPr or rPr (or a style's): alignment, outline level, size, bold. */
  static final class Props {
    String basedOn;
    Block.Align align;
    Integer heading;
    Float points;
    Boolean bold;

    /** Reads the property element {@code r} is at, if it is one of ours. */
    void read(XMLStreamReader r) {
      switch (r.getLocalName()) {
        case "jc" -> align = alignment(Xml.w(r, "val"));
        case "outlineLvl" -> {
          Integer level = Xml.integer(Xml.w(r, "val"));
          heading = level == null || level >= 9 ? null : level + 1;
        }
        case "sz" -> {
          Integer half = Xml.integer(Xml.w(r, "val"));
          points = half == null ? null : half / 2f;
        }
        case "b" -> bold = Xml.on(Xml.w(r, "val"));
        case "rFonts" -> {
          String face = r.getAttributeValue(Xml.W, "eastAsia");
          if (face == null) {
            face = r.getAttributeValue(Xml.W, "ascii");
          }
          if (Blocks.boldFace(face) && bold == null) {
            bold = true;
          }
        }
        default -> { }
      }
    }

    Style style(String name) {
      Integer level = heading;
      if (level == null && name != null) {
        level = headingOfName(name);
      }
      return new Style(basedOn, align, level, points, bold);
    }
  }

  private static final java.util.regex.Pattern HEADING_NAME = java.util.regex.Pattern.compile("^(?:heading|标题)\\s*([1-6])$");

  /** Word's built-in heading styles by name: heading 1…6, Title, 标题 1. */
  private static Integer headingOfName(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT).strip();
    if (n.equals("title") || n.equals("标题")) {
      return 1;
    }
    java.util.regex.Matcher m = HEADING_NAME.matcher(n);
    return m.matches() ? Integer.valueOf(m.group(1)) : null;
  }

  private static Block.Align alignment(String val) {
    if (val == null) {
      return null;
    }
    return switch (val) {
      case "center" -> Block.Align.CENTER;
      case "right", "end" -> Block.Align.RIGHT;
      default -> Block.Align.LEFT;
    };
  }
}
