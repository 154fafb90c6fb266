package org.rendakb.extract;

import java.io.InputStream;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.xml.sax.ContentHandler;

/**
 * Embedded documents (images, OLE objects, attachments) are not parsed. AutoDetectParser would
 * otherwise parse each recursively, and one docx can carry hundreds; a congress document's text is
 * in its body, and skipping them keeps time and memory per file bounded by the body alone.
 */
final class SkipEmbedded implements EmbeddedDocumentExtractor {
  @Override
  public boolean shouldParseEmbedded(Metadata metadata) {
    return false;
  }

  @Override
  public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
    // never called: shouldParseEmbedded is false
  }
}
