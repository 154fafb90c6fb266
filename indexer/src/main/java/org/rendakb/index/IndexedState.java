package org.rendakb.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.rendakb.schema.Fields;
import org.rendakb.schema.StoredFile;

/** Reads which source files an index holds, for {@link SyncPlan}. */
final class IndexedState {
  private IndexedState() {}

  /** Every live file document; {@code luceneDocId} is top-level (global) in {@code reader}. */
  static List<IndexedFile> read(DirectoryReader reader) throws IOException {
    List<IndexedFile> files = new ArrayList<>();
    Term kind = new Term(Fields.KIND, Fields.KIND_DOCUMENT);
    for (LeafReaderContext leaf : reader.leaves()) {
      PostingsEnum postings = leaf.reader().postings(kind, PostingsEnum.NONE);
      if (postings == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        StoredFile file = StoredFile.read(stored, doc, StoredFile.Part.SYNC);
        files.add(new IndexedFile(file.id(), file.root(), file.path(), file.hash(), leaf.docBase + doc));
      }
    }
    return files;
  }

  /** Live documents of a kind (files or passages). */
  static int count(DirectoryReader reader, String kind) throws IOException {
    return new IndexSearcher(reader).count(new TermQuery(new Term(Fields.KIND, kind)));
  }
}
