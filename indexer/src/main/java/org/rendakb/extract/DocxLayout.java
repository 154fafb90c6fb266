package org.rendakb.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paragraphs of a Word (docx) file as a reader sees them: alignment, outline level, bold and
 * font size, each resolved as Word resolves it (the paragraph's own setting, else its style's and the
 * styles it is based on, else the document's defaults), headers and footers as repeated lines. Tika's
 * XHTML of a docx keeps bold and style names but drops alignment and size, so the file's XML is read
 * here, streamed (a large document is never held as a tree). Fails soft: no blocks.
 */
final class DocxLayout {
  private static final Logger log = LoggerFactory.getLogger(DocxLayout.class);
  private static final String REL_HEADER = "/header";
  private static final String REL_FOOTER = "/footer";

  List<Block> read(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Styles styles = new Styles();
      ZipEntry stylesPart = zip.getEntry("word/styles.xml");
      if (stylesPart != null) {
        try (InputStream in = zip.getInputStream(stylesPart)) {
          styles.read(in);
        }
      }
      Blocks blocks = new Blocks();
      List<String> headers = new ArrayList<>();
      List<String> footers = new ArrayList<>();
      ZipEntry rels = zip.getEntry("word/_rels/document.xml.rels");
      if (rels != null) {
        try (InputStream in = zip.getInputStream(rels)) {
          relationships(in, headers, footers);
        }
      }
      // as Tika writes them out: headers first, the body, footers last
      for (String part : headers) {
        paragraphs(zip, "word/" + part, styles, true, blocks);
      }
      paragraphs(zip, "word/document.xml", styles, false, blocks);
      for (String part : footers) {
        paragraphs(zip, "word/" + part, styles, true, blocks);
      }
      return blocks.build();
    } catch (IOException | XMLStreamException | RuntimeException e) {
      log.debug("no layout read from {}: {}", file.getFileName(), e.toString());
      return List.of();
    }
  }

  private static void paragraphs(ZipFile zip, String name, Styles styles, boolean repeated, Blocks blocks)
      throws IOException, XMLStreamException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      return;
    }
    try (InputStream in = zip.getInputStream(entry)) {
      new Paragraphs(styles, repeated, blocks).read(in);
    }
  }

  private static void relationships(InputStream in, List<String> headers, List<String> footers) throws XMLStreamException {
    XMLStreamReader r = Xml.reader(in);
    try {
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
          String type = r.getAttributeValue(null, "Type");
          String target = r.getAttributeValue(null, "Target");
          if (type != null && target != null && !target.contains("..") && !target.startsWith("/")) {
            if (type.endsWith(REL_HEADER)) {
              headers.add(target);
            } else if (type.endsWith(REL_FOOTER)) {
              footers.add(target);
            }
          }
        }
      }
    } finally {
      r.close();
    }
  }

  /** What a paragraph or run style sets; null where it says nothing. */
  private record Style(String basedOn, Block.Align align, Integer heading, Float points, Boolean bold) {}

  /** styles.xml: the document's defaults and its styles, by id. */
  private static final class Styles {
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
  }

  /** Properties being read from a pPr or rPr (or a style's): alignment, outline level, size, bold. */
  private static final class Props {
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

  /** Word's built-in heading styles by name: heading 1…6, Title, 标题 1. */
  private static Integer headingOfName(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT).strip();
    if (n.equals("title") || n.equals("标题")) {
      return 1;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?:heading|标题)\\s*([1-6])$").matcher(n);
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

  /** The paragraphs of one part (document, header, footer), nested ones (text boxes) each of their own. */
  private static final class Paragraphs {
    private final Styles styles;
    private final boolean repeated;
    private final Blocks blocks;
    private final Deque<Paragraph> open = new ArrayDeque<>();
    private int tableDepth;

    Paragraphs(Styles styles, boolean repeated, Blocks blocks) {
      this.styles = styles;
      this.repeated = repeated;
      this.blocks = blocks;
    }

    void read(InputStream in) throws XMLStreamException {
      XMLStreamReader r = Xml.reader(in);
      try {
        while (r.hasNext()) {
          int event = r.next();
          // WordprocessingML only: a chart's or a shape's DrawingML paragraphs (a:p) are not the text's
          if (event == XMLStreamConstants.START_ELEMENT && Xml.W.equals(r.getNamespaceURI())) {
            start(r);
          } else if (event == XMLStreamConstants.END_ELEMENT && Xml.W.equals(r.getNamespaceURI())) {
            end(r.getLocalName());
          } else if (event == XMLStreamConstants.CHARACTERS && !open.isEmpty() && open.peek().inText) {
            open.peek().text(r.getText());
          }
        }
      } finally {
        r.close();
      }
    }

    private void start(XMLStreamReader r) {
      String el = r.getLocalName();
      Paragraph p = open.peek();
      switch (el) {
        case "tbl" -> tableDepth++;
        case "p" -> open.push(new Paragraph(tableDepth > 0));
        case "pPr" -> {
          if (p != null) {
            p.inParagraphProps = true;
          }
        }
        case "r" -> {
          if (p != null) {
            p.run = new Props();
          }
        }
        case "rPr" -> {
          if (p != null) {
            p.inRunProps = p.run != null;
          }
        }
        case "pStyle" -> {
          if (p != null) {
            p.style = Xml.w(r, "val");
          }
        }
        case "rStyle" -> {
          if (p != null && p.run != null) {
            p.runStyle = Xml.w(r, "val");
          }
        }
        case "t" -> {
          if (p != null) {
            p.inText = true;
          }
        }
        case "tab" -> {
          if (p != null && p.run != null) {
            p.text("\t");
          }
        }
        case "br", "cr" -> {
          if (p != null && p.run != null) {
            p.text(" ");
          }
        }
        default -> {
          if (p != null && p.inParagraphProps && !p.inRunProps) {
            p.props.read(r);
          } else if (p != null && p.inRunProps) {
            p.run.read(r);
          }
        }
      }
    }

    private void end(String el) {
      Paragraph p = open.peek();
      switch (el) {
        case "tbl" -> tableDepth--;
        case "p" -> {
          if (p != null) {
            open.pop();
            blocks.add(p.line(styles, repeated));
          }
        }
        case "pPr" -> {
          if (p != null) {
            p.inParagraphProps = false;
          }
        }
        case "rPr" -> {
          if (p != null) {
            p.inRunProps = false;
          }
        }
        case "r" -> {
          if (p != null) {
            p.endRun(styles);
          }
        }
        case "t" -> {
          if (p != null) {
            p.inText = false;
          }
        }
        default -> { }
      }
    }
  }

  /** One paragraph being read: its own properties, and its characters by size and weight. */
  private static final class Paragraph {
    final boolean inTable;
    final Props props = new Props();
    final StringBuilder text = new StringBuilder();
    final Map<Float, Integer> charsBySize = new HashMap<>();
    String style;
    String runStyle;
    Props run;
    int runChars;
    int chars;
    int boldChars;
    boolean inParagraphProps;
    boolean inRunProps;
    boolean inText;

    Paragraph(boolean inTable) {
      this.inTable = inTable;
    }

    void text(String s) {
      text.append(s, 0, Math.max(0, Math.min(s.length(), Blocks.MAX_TEXT - text.length())));
      runChars += (int) s.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }

    /** A run's characters count at its size and weight: its own, else its style's, else the paragraph style's. */
    void endRun(Styles styles) {
      int n = runChars;
      if (n > 0 && run != null) {
        Float points = run.points != null ? run.points : styles.resolve(runStyle, Style::points);
        if (points == null) {
          points = styles.resolve(style, Style::points);
        }
        Boolean bold = run.bold != null ? run.bold : styles.resolve(runStyle, Style::bold);
        if (bold == null) {
          bold = styles.resolve(style, Style::bold);
        }
        charsBySize.merge(points == null ? 10f : points, n, Integer::sum);
        chars += n;
        if (Boolean.TRUE.equals(bold)) {
          boldChars += n;
        }
      }
      run = null;
      runStyle = null;
      runChars = 0;
    }

    Blocks.Line line(Styles styles, boolean repeated) {
      Block.Align align = props.align != null ? props.align : styles.resolve(style, Style::align);
      Integer heading = props.heading != null ? props.heading : styles.resolve(style, Style::heading);
      float points = charsBySize.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
      return new Blocks.Line(text.toString(), 0, heading == null ? 0 : heading, align == null ? Block.Align.LEFT : align,
          chars > 0 && boldChars * 2 > chars, points, !inTable, -1, repeated);
    }
  }
}
