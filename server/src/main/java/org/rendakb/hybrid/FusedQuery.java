package org.rendakb.hybrid;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * The fused list as a query, so that one search counts its facets, folds its versions and pages it
 * like any other: it matches what the lexical query matches and the documents given, and scores a
 * given document with its fused score and any other lexical match below all of them, in its
 * lexical order (BM25 squashed into (0, floor)).
 *
 * <p>The documents are doc ids of the reader the scores were computed on: the query holds for one
 * search of one reader, is never cached, and equals only itself.
 */
public final class FusedQuery extends Query {
  private final Query lexical;
  private final int[] docs;
  private final float[] scores;
  private final float floor;

  /**
   * @param lexical the lexical query whose other matches follow the given documents; null for none
   * @param fused global doc id → fused score (positive)
   */
  public FusedQuery(Query lexical, Map<Integer, Float> fused) {
    this.lexical = lexical;
    this.docs = fused.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    this.scores = new float[docs.length];
    float min = Float.MAX_VALUE;
    for (int i = 0; i < docs.length; i++) {
      scores[i] = fused.get(docs[i]);
      min = Math.min(min, scores[i]);
    }
    this.floor = docs.length == 0 ? 1f : min;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight lexicalWeight = lexical == null ? null
        : searcher.createWeight(searcher.rewrite(lexical), scoreMode.needsScores() ? ScoreMode.COMPLETE : scoreMode, 1f);
    return new Weight(this) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        int from = lowerBound(context.docBase);
        int to = lowerBound(context.docBase + context.reader().maxDoc());
        Scorer lexicalScorer = lexicalWeight == null ? null : lexicalWeight.scorer(context);
        if (from == to && lexicalScorer == null) {
          return null;
        }
        return new DefaultScorerSupplier(new FusedScorer(lexicalScorer, context.docBase, from, to, boost));
      }

      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        int i = Arrays.binarySearch(docs, context.docBase + doc);
        return i >= 0 ? Explanation.match(scores[i] * boost, "fused rank of the lexical and meaning lists")
            : Explanation.noMatch("not in the fused list (lexical matches are scored when searched)");
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  private int lowerBound(int doc) {
    int i = Arrays.binarySearch(docs, doc);
    return i >= 0 ? i : -i - 1;
  }

  /** The union of the lexical matches and the given documents of one segment. */
  private final class FusedScorer extends Scorer {
    private final Scorer lexical;
    private final DocIdSetIterator lexicalDocs;
    private final int base;
    private final int from;
    private final int to;
    private final float boost;
    private int next;
    private int doc = -1;
    private final DocIdSetIterator iterator;

    FusedScorer(Scorer lexical, int base, int from, int to, float boost) {
      this.lexical = lexical;
      this.lexicalDocs = lexical == null ? DocIdSetIterator.empty() : lexical.iterator();
      this.base = base;
      this.from = from;
      this.to = to;
      this.boost = boost;
      this.next = from;
      long cost = (to - from) + lexicalDocs.cost();
      this.iterator = new DocIdSetIterator() {
        @Override
        public int docID() {
          return doc;
        }

        @Override
        public int nextDoc() throws IOException {
          return advance(doc + 1);
        }

        @Override
        public int advance(int target) throws IOException {
          while (next < to && docs[next] - base < target) {
            next++;
          }
          int listed = next < to ? docs[next] - base : NO_MORE_DOCS;
          int matched = lexicalDocs.docID() >= target ? lexicalDocs.docID() : lexicalDocs.advance(target);
          doc = Math.min(listed, matched);
          return doc;
        }

        @Override
        public long cost() {
          return cost;
        }
      };
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public DocIdSetIterator iterator() {
      return iterator;
    }

    @Override
    public float getMaxScore(int upTo) {
      return Float.MAX_VALUE;
    }

    @Override
    public float score() throws IOException {
      if (next < to && docs[next] - base == doc) {
        return scores[next] * boost;
      }
      float bm25 = lexicalDocs.docID() == doc ? lexical.score() : 0f;
      // below every listed document, in lexical order
      return floor * (bm25 / (bm25 + 1f)) * 0.99f * boost;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (lexical != null) {
      lexical.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.SHOULD, this));
    }
  }

  @Override
  public String toString(String field) {
    return "fused(" + (lexical == null ? "" : lexical.toString(field) + ", ") + docs.length + " ranked)";
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
