package org.rendakb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.rendakb.search.query.QueryPart;

/**
 * Which parts of the query each partial match lacks. One weight per part and one pass per segment
 * over the page's documents in index order: a page holds at most 100 hits and a query at most
 * {@link StaffQueryParser#MAX_TERMS} parts, so this is a few thousand postings advances at most.
 */
final class MissingParts {
  private MissingParts() {}

  /** For each of {@code docs} (Lucene doc ids), the texts of the parts it does not match, in query order. */
  static List<List<String>> of(IndexSearcher searcher, List<QueryPart> parts, int[] docs) throws IOException {
    List<List<String>> missing = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      missing.add(new ArrayList<>());
    }
    Integer[] order = new Integer[docs.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (QueryPart part : parts) {
      Weight weight = searcher.createWeight(searcher.rewrite(part.held()), ScoreMode.COMPLETE_NO_SCORES, 1f);
      LeafReaderContext leaf = null;
      DocIdSetIterator it = null;
      for (int i : order) {
        LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
        if (ctx != leaf) {
          leaf = ctx;
          Scorer scorer = weight.scorer(ctx);
          it = scorer == null ? null : scorer.iterator();
        }
        int target = docs[i] - ctx.docBase;
        boolean has = it != null && (it.docID() == target || (it.docID() < target && it.advance(target) == target));
        if (!has) {
          missing.get(i).add(part.text());
        }
      }
    }
    return missing.stream().map(List::copyOf).toList();
  }
}
