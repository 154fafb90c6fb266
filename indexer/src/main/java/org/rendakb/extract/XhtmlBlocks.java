package org.rendakb.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * The blocks of a file as Tika's XHTML shows them, recorded while the text is written out: each
 * paragraph, heading (h1–h6, or a paragraph whose style is a heading or title) and list item, with
 * whether most of it is bold. Tika says no more for rtf, doc and odt (no alignment, no sizes); for
 * docx and PDF the file is read again for that ({@link DocxLayout}, {@link PdfLayout}).
 */
final class XhtmlBlocks extends ContentHandlerDecorator {
  private static final Pattern HEADING = Pattern.compile("^h([1-6])$");
  private static final Pattern HEADING_STYLE = Pattern.compile("(?:heading|标题)[ _]?([1-6])|^title$|^标题$");

  private final Blocks blocks = new Blocks();
  private final StringBuilder text = new StringBuilder();
  private int depth;
  private int heading;
  private int boldDepth;
  private int tableDepth;
  private int chars;
  private int boldChars;

  XhtmlBlocks(ContentHandler handler) {
    super(handler);
  }

  List<Block> blocks() {
    return blocks.build();
  }

  @Override
  public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
    String el = localName.toLowerCase(Locale.ROOT);
    switch (el) {
      case "b", "strong" -> boldDepth++;
      case "table" -> tableDepth++;
      case "p", "li", "h1", "h2", "h3", "h4", "h5", "h6" -> {
        if (depth++ == 0) {
          text.setLength(0);
          chars = 0;
          boldChars = 0;
          heading = headingOf(el, atts.getValue("class"));
        }
      }
      default -> { }
    }
    super.startElement(uri, localName, name, atts);
  }

  @Override
  public void endElement(String uri, String localName, String name) throws SAXException {
    String el = localName.toLowerCase(Locale.ROOT);
    switch (el) {
      case "b", "strong" -> boldDepth = Math.max(0, boldDepth - 1);
      case "table" -> tableDepth = Math.max(0, tableDepth - 1);
      case "p", "li", "h1", "h2", "h3", "h4", "h5", "h6" -> {
        if (depth > 0 && --depth == 0) {
          blocks.add(new Blocks.Line(text.toString(), 0, heading, Block.Align.UNKNOWN, chars > 0 && boldChars * 2 > chars, 0,
              tableDepth == 0, -1, false));
        }
      }
      default -> { }
    }
    super.endElement(uri, localName, name);
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (depth > 0) {
      text.append(ch, start, Math.max(0, Math.min(length, Blocks.MAX_TEXT - text.length())));
      for (int i = start; i < start + length; i++) {
        if (!Character.isWhitespace(ch[i])) {
          chars++;
          if (boldDepth > 0) {
            boldChars++;
          }
        }
      }
    }
    super.characters(ch, start, length);
  }

  private static int headingOf(String el, String styleClass) {
    Matcher h = HEADING.matcher(el);
    if (h.matches()) {
      return Integer.parseInt(h.group(1));
    }
    if (styleClass != null) {
      Matcher s = HEADING_STYLE.matcher(styleClass.toLowerCase(Locale.ROOT));
      if (s.find()) {
        return s.group(1) == null ? 1 : Integer.parseInt(s.group(1));
      }
    }
    return 0;
  }
}
