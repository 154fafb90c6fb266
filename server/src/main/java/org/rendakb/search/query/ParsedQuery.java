package org.rendakb.search.query;

import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * A staff query turned into Lucene.
 *
 * @param query what documents must match (MatchAllDocsQuery when browsing)
 * @param description how the text was understood, for the response
 * @param years years the query names (2018, ２０１８年): they rank that year's documents first
 * @param parts how many parts a partial match may lack one of: 2 or more, or 0 when the query has no
 *     partial matches (one word of one piece, a phrase alone, browsing)
 * @param later what documents that lack part of the query match ({@link #partial}), built on first use
 */
public record ParsedQuery(Query query, QueryDescription description, Set<Integer> years,
    int parts, Later<PartialQuery> later) {
  public ParsedQuery {
    years = Set.copyOf(years);
  }

  /** What documents that lack part of the query match; null for a query of fewer than two parts (or too big for one). */
  public PartialQuery partial() {
    return later.get();
  }

  /** A value computed on first use, once (searches that never reach the partial matches skip building them). */
  public static final class Later<T> {
    private final java.util.function.Supplier<T> compute;
    private T value;
    private boolean done;

    public Later(java.util.function.Supplier<T> compute) {
      this.compute = compute;
    }

    public synchronized T get() {
      if (!done) {
        value = compute.get();
        done = true;
      }
      return value;
    }
  }

  public boolean browse() {
    return description.browse();
  }
}
