package org.rendakb.extract;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Streaming XML of office files (docx, odt): no DTDs, no external entities, attributes read plainly. */
final class Xml {
  private Xml() {}

  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final XMLInputFactory FACTORY = factory();

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  static XMLStreamReader reader(InputStream in) throws XMLStreamException {
    return FACTORY.createXMLStreamReader(in);
  }

  /** A WordprocessingML attribute (w:val …). */
  static String w(XMLStreamReader r, String name) {
    return r.getAttributeValue(W, name);
  }

  static Integer integer(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** An OOXML on/off value: absent, true, 1 and on are on. */
  static boolean on(String val) {
    return val == null || val.equals("true") || val.equals("1") || val.equals("on");
  }
}
