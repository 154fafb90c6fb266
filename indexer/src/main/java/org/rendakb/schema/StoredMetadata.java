package org.rendakb.schema;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFields;

/**
 * Reads the stored fields of a file document up to, not including, its text. The text is stored
 * last and can be hundreds of KB; stopping before it makes a metadata read cost microseconds, which
 * matters for result lists and precedent hits that show many documents' titles and dates.
 */
public final class StoredMetadata {
  private StoredMetadata() {}

  public static Document read(StoredFields stored, int docId) throws IOException {
    DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor() {
      @Override
      public Status needsField(FieldInfo fieldInfo) {
        return fieldInfo.name.equals(Fields.TEXT) ? Status.STOP : Status.YES;
      }
    };
    stored.document(docId, visitor);
    return visitor.getDocument();
  }
}
