package org.rendakb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Ranks a few candidate documents by a query that may be costly to run over the whole index:
 * its scorer only advances to the candidates. Those it does not match are dropped; ties go to the
 * lower doc id, so the order is stable for a reader.
 */
final class PartialRanking {
  private PartialRanking() {}

  static ScoreDoc[] rank(IndexSearcher searcher, Query query, ScoreDoc[] candidates, int max) throws IOException {
    ScoreDoc[] byDoc = candidates.clone();
    Arrays.sort(byDoc, Comparator.comparingInt(sd -> sd.doc));
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<ScoreDoc> matched = new ArrayList<>();
    LeafReaderContext leaf = null;
    Scorer scorer = null;
    for (ScoreDoc sd : byDoc) {
      LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      if (ctx != leaf) {
        leaf = ctx;
        scorer = weight.scorer(ctx);
      }
      int target = sd.doc - ctx.docBase;
      if (scorer != null && scorer.docID() <= target) {
        int at = scorer.docID() == target ? target : scorer.iterator().advance(target);
        if (at == target) {
          matched.add(new ScoreDoc(sd.doc, scorer.score()));
        }
      }
    }
    matched.sort(Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
    return matched.subList(0, Math.min(max, matched.size())).toArray(ScoreDoc[]::new);
  }
}
