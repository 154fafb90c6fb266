package org.rendakb.search.reader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.rendakb.schema.Fields;

/**
 * What the per-reader state and a result list need of every live file document (titles for
 * suggestions, title, type and date for a law's versions, and what a hit shows), read in one pass
 * when a reader opens. Reading stored fields decompresses the blocks that hold them, texts
 * included: a result page read ten whole documents per search for a few short strings (a third of
 * a topic search), so they are read once here, not per feature or per request. The repeated values
 * (types, bodies, committees, regions, places) are shared, so the list costs little beyond the ids,
 * paths and titles.
 *
 * @param doc the Lucene doc id in the whole reader
 */
public record FileMetadata(int doc, String id, String path, String title, String type, String date, Integer year, String body,
    String committee, String region, String place) {
  private static final Set<String> FIELDS = Set.of(Fields.ID, Fields.PATH, Fields.TITLE, Fields.TYPE, Fields.DATE,
      Fields.YEAR, Fields.BODY, Fields.COMMITTEE, Fields.REGION, Fields.PLACE);

  /** Every live file document of the reader, in doc id order. */
  static List<FileMetadata> readAll(IndexReader reader) throws IOException {
    List<FileMetadata> out = new ArrayList<>();
    Map<String, String> shared = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      read(leaf, out, shared);
    }
    return List.copyOf(out);
  }

  /** The file document with this doc id in a list from {@link #readAll}, or null. */
  static FileMetadata find(List<FileMetadata> files, int doc) {
    int lo = 0;
    int hi = files.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int at = files.get(mid).doc();
      if (at < doc) {
        lo = mid + 1;
      } else if (at > doc) {
        hi = mid - 1;
      } else {
        return files.get(mid);
      }
    }
    return null;
  }

  private static void read(LeafReaderContext context, List<FileMetadata> out, Map<String, String> shared)
      throws IOException {
    LeafReader leaf = context.reader();
    PostingsEnum docs = leaf.postings(new Term(Fields.KIND, Fields.KIND_DOCUMENT), PostingsEnum.NONE);
    if (docs == null) {
      return;
    }
    Bits live = leaf.getLiveDocs();
    StoredFields stored = leaf.storedFields();
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      if (live != null && !live.get(doc)) {
        continue;
      }
      DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor() {
        @Override
        public Status needsField(FieldInfo fieldInfo) {
          // the text is stored last: stop before it
          if (fieldInfo.name.equals(Fields.TEXT)) {
            return Status.STOP;
          }
          return FIELDS.contains(fieldInfo.name) ? Status.YES : Status.NO;
        }
      };
      stored.document(doc, visitor);
      Document d = visitor.getDocument();
      out.add(new FileMetadata(context.docBase + doc, d.get(Fields.ID), d.get(Fields.PATH), d.get(Fields.TITLE),
          share(shared, d.get(Fields.TYPE)), d.get(Fields.DATE), intValue(d, Fields.YEAR),
          share(shared, d.get(Fields.BODY)), share(shared, d.get(Fields.COMMITTEE)), share(shared, d.get(Fields.REGION)),
          share(shared, d.get(Fields.PLACE))));
    }
  }

  private static Integer intValue(Document d, String field) {
    var f = d.getField(field);
    return f == null || f.numericValue() == null ? null : f.numericValue().intValue();
  }

  private static String share(Map<String, String> shared, String value) {
    return value == null ? null : shared.computeIfAbsent(value, v -> v);
  }
}
