package org.rendakb.schema;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;

/**
 * A file document's stored fields as values, read back by the one reader of them ({@link #read}),
 * for the indexer (a moved file re-indexed without parsing, the sync state) and the server (a
 * document, a hit, a citing document). What a caller needs is a {@link Part}; fields a part does not
 * read are null (false, empty). The text is stored last and can be hundreds of KB: a part without
 * it stops before it, so reading metadata costs microseconds.
 *
 * @param size the file's size in bytes
 * @param pageStarts where a paginated file's pages start in its text, as {@code extract.Pages} writes them
 * @param sources where each metadata value came from ({@link StoredSources})
 */
public record StoredFile(String id, String root, String path, String hash, Long size, String contentType,
    boolean truncated, String note, String extraction, Integer ocrPages, String ocrReason, Double ocrConfidence,
    String pageStarts, String title, String date, Integer year, String type, String body, String committee,
    String region, String place, String term, String meeting, String speaker, List<String> laws, String docNumber,
    String addressee, String signer, String published, Map<String, String> sources, String text) {

  /** The fields a reader reads. */
  public enum Part {
    /** What sync compares: id, root, path, hash. */
    SYNC(Set.of(Fields.ID, Fields.ROOT, Fields.PATH, Fields.HASH), false),
    /** What a result list shows of a file: id, path, title, type, date, year, body, committee, region, place. */
    SUMMARY(Set.of(Fields.ID, Fields.PATH, Fields.TITLE, Fields.TYPE, Fields.DATE, Fields.YEAR, Fields.BODY,
        Fields.COMMITTEE, Fields.REGION, Fields.PLACE), false),
    /** The text and where its pages start. */
    TEXT(Set.of(Fields.PAGE_STARTS), true),
    /** Every stored field but the text. */
    METADATA(null, false),
    /** Every stored field. */
    WHOLE(null, true);

    private final Set<String> fields;
    private final boolean text;

    Part(Set<String> fields, boolean text) {
      this.fields = fields;
      this.text = text;
    }
  }

  /** The stored fields of the file document {@code doc} that {@code part} names. */
  public static StoredFile read(StoredFields stored, int doc, Part part) throws IOException {
    DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor() {
      @Override
      public Status needsField(FieldInfo field) {
        if (field.name.equals(Fields.TEXT)) {
          return part.text ? Status.YES : Status.STOP;
        }
        return part.fields == null || part.fields.contains(field.name) ? Status.YES : Status.NO;
      }
    };
    stored.document(doc, visitor);
    return of(visitor.getDocument());
  }

  private static StoredFile of(Document d) {
    return new StoredFile(d.get(Fields.ID), d.get(Fields.ROOT), d.get(Fields.PATH), d.get(Fields.HASH),
        number(d, Fields.SIZE) == null ? null : number(d, Fields.SIZE).longValue(), d.get(Fields.CONTENT_TYPE),
        d.get(Fields.TRUNCATED) != null, d.get(Fields.NOTE), d.get(Fields.EXTRACTION),
        number(d, Fields.OCR_PAGES) == null ? null : number(d, Fields.OCR_PAGES).intValue(), d.get(Fields.OCR_REASON),
        number(d, Fields.OCR_CONFIDENCE) == null ? null : number(d, Fields.OCR_CONFIDENCE).doubleValue(),
        d.get(Fields.PAGE_STARTS), d.get(Fields.TITLE), d.get(Fields.DATE),
        number(d, Fields.YEAR) == null ? null : number(d, Fields.YEAR).intValue(), d.get(Fields.TYPE),
        d.get(Fields.BODY), d.get(Fields.COMMITTEE), d.get(Fields.REGION), d.get(Fields.PLACE), d.get(Fields.TERM),
        d.get(Fields.MEETING), d.get(Fields.SPEAKER), List.of(d.getValues(Fields.LAW)), d.get(Fields.DOC_NUMBER),
        d.get(Fields.ADDRESSEE), d.get(Fields.SIGNER), d.get(Fields.PUBLISHED), StoredSources.decode(d.get(Fields.SOURCES)),
        d.get(Fields.TEXT));
  }

  private static Number number(Document d, String field) {
    IndexableField f = d.getField(field);
    return f == null ? null : f.numericValue();
  }
}
