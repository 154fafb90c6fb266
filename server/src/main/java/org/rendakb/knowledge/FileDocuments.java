package org.rendakb.knowledge;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.rendakb.schema.Fields;

/** Visits every live file document (not passages) of a reader, segment by segment. */
final class FileDocuments {
  private FileDocuments() {}

  /** Called once per segment (to open its doc values), then for each file document in it. */
  interface Visitor {
    DocConsumer leaf(LeafReaderContext leaf) throws IOException;
  }

  interface DocConsumer {
    void doc(int doc) throws IOException;
  }

  static void forEach(IndexReader reader, Visitor visitor) throws IOException {
    Term kind = new Term(Fields.KIND, Fields.KIND_DOCUMENT);
    for (LeafReaderContext leaf : reader.leaves()) {
      PostingsEnum docs = leaf.reader().postings(kind, PostingsEnum.NONE);
      if (docs == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocConsumer consumer = visitor.leaf(leaf);
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live == null || live.get(doc)) {
          consumer.doc(doc);
        }
      }
    }
  }
}
