package org.rendakb.extract;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Writes a form feed before every page after the first of a paginated document (Tika's PDF parser
 * opens each page with {@code <div class="page">}), so that the text can be cut into its pages
 * again. Extraction never yields a form feed otherwise: cleaning drops control chars.
 */
final class PageMarks extends ContentHandlerDecorator {
  static final char PAGE_BREAK = '\f';
  private int pages;

  PageMarks(ContentHandler handler) {
    super(handler);
  }

  @Override
  public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
    if ("div".equals(localName) && "page".equals(atts.getValue("class"))) {
      if (pages++ > 0) {
        super.characters(new char[] {PAGE_BREAK}, 0, 1);
      }
    }
    super.startElement(uri, localName, name, atts);
  }
}
