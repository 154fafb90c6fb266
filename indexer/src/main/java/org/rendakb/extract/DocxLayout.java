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
 * font size, each resolved as Word resolves it (the run's or paragraph's own setting, else its
 * style's and the styles it is based on, else the document's defaults: {@link DocxStyles}), headers
 * and footers as repeated lines. Tika's
 * XHTML of a docx keeps bold and style names but drops alignment and size, so the file's XML is read
 * here, streamed (a large document is never held as a tree). Fails soft: no blocks.
 */
final class DocxLayout {
  private static final Logger log = LoggerFactory.getLogger(DocxLayout.class);
  private static final String REL_HEADER = "/header";
  private static final String REL_FOOTER = "/footer";

  List<Block> read(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      DocxStyles styles = new DocxStyles();
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

  private static void paragraphs(ZipFile zip, String name, DocxStyles styles, boolean repeated, Blocks blocks)
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

  /** The paragraphs of one part (document, header, footer), nested ones (text boxes) each of their own. */
  private static final class Paragraphs {
    private final DocxStyles styles;
    private final boolean repeated;
    private final Blocks blocks;
    private final Deque<Paragraph> open = new ArrayDeque<>();
    private int tableDepth;

    Paragraphs(DocxStyles styles, boolean repeated, Blocks blocks) {
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
            p.run = new DocxStyles.Props();
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
    final DocxStyles.Props props = new DocxStyles.Props();
    final StringBuilder text = new StringBuilder();
    final Map<Float, Integer> charsBySize = new HashMap<>();
    String style;
    String runStyle;
    DocxStyles.Props run;
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
    void endRun(DocxStyles styles) {
      int n = runChars;
      if (n > 0 && run != null) {
        Float points = run.points != null ? run.points : styles.resolve(runStyle, DocxStyles.Style::points);
        if (points == null) {
          points = styles.resolve(style, DocxStyles.Style::points);
        }
        Boolean bold = run.bold != null ? run.bold : styles.resolve(runStyle, DocxStyles.Style::bold);
        if (bold == null) {
          bold = styles.resolve(style, DocxStyles.Style::bold);
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

    Blocks.Line line(DocxStyles styles, boolean repeated) {
      Block.Align align = props.align != null ? props.align : styles.resolve(style, DocxStyles.Style::align);
      Integer heading = props.heading != null ? props.heading : styles.resolve(style, DocxStyles.Style::heading);
      float points = charsBySize.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
      return new Blocks.Line(text.toString(), 0, heading == null ? 0 : heading, align == null ? Block.Align.LEFT : align,
          chars > 0 && boldChars * 2 > chars, points, !inTable, -1, repeated);
    }
  }
}
