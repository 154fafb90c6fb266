package org.rendakb.search.query;

import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * A query's own score plus a constant: a part of the query a document holds counts the constant
 * above any match score. One evaluation of the query, where a constant-score copy beside it would
 * look up and match all its terms twice.
 */
final class PlusConstant extends DoubleValuesSource {
  private final double constant;

  private PlusConstant(double constant) {
    this.constant = constant;
  }

  static Query of(Query query, double constant) {
    return new FunctionScoreQuery(query, new PlusConstant(constant));
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) {
    return new DoubleValues() {
      @Override
      public double doubleValue() throws java.io.IOException {
        return constant + scores.doubleValue();
      }

      @Override
      public boolean advanceExact(int doc) throws java.io.IOException {
        return scores.advanceExact(doc);
      }
    };
  }

  @Override
  public boolean needsScores() {
    return true;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlusConstant other && other.constant == constant;
  }

  @Override
  public int hashCode() {
    return Objects.hash(PlusConstant.class, constant);
  }

  @Override
  public String toString() {
    return "score+" + constant;
  }
}
