package org.rendakb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * What the per-reader state needs of every live file document (titles for suggestions, title, type
 * and date for a law's versions), read in one pass when a reader opens. Reading stored fields
 * decompresses the blocks that hold them, texts included, so it is done once, not per feature.
 *
 * @param doc the Lucene doc id in the whole reader
 */
record FileMetadata(int doc, String id, String path, String title, String type, String date, Integer year) {
  private static final Set<String> FIELDS = Set.of(Fields.ID, Fields.PATH, Fields.TITLE, Fields.TYPE, Fields.DATE, Fields.YEAR);

  static List<FileMetadata> readAll(IndexReader reader) throws IOException {
    List<FileMetadata> out = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      read(leaf, out);
    }
    return List.copyOf(out);
  }

  private static void read(LeafReaderContext context, List<FileMetadata> out) throws IOException {
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
          d.get(Fields.TYPE), d.get(Fields.DATE), SearchService.intValue(d, Fields.YEAR)));
    }
  }
}
