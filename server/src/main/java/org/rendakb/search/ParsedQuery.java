package org.rendakb.search;

import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * A staff query turned into Lucene.
 *
 * @param query what documents must match (MatchAllDocsQuery when browsing)
 * @param highlight what snippets mark for {@code query}: the words as typed, in a row, not where
 *     their parts occur apart
 * @param description how the text was understood, for the response
 * @param years years the query names (2018, ２０１８年): they rank that year's documents first
 * @param partial what documents that lack one part of the query match, listed after the full
 *     matches; null for a query of fewer than two parts
 */
public record ParsedQuery(Query query, Query highlight, QueryDescription description, Set<Integer> years,
    PartialQuery partial) {
  public ParsedQuery {
    years = Set.copyOf(years);
  }

  public boolean browse() {
    return description.browse();
  }
}
