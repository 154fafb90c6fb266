package org.rendakb.search;

import org.apache.lucene.search.Query;

/**
 * A staff query turned into Lucene.
 *
 * @param query what documents must match (MatchAllDocsQuery when browsing)
 * @param loose what documents match when nothing matches {@code query}: each word of three or more
 *     characters with one of its bigrams missing (a dropped or mistyped character); null when the
 *     query has no such word
 * @param highlight what snippets mark for {@code query}: the words as typed, in a row, not where
 *     their parts occur apart
 * @param description how the text was understood, for the response
 * @param years years the query names (2018, ２０１８年): among a law's versions, those of these years come first
 */
public record ParsedQuery(Query query, Query loose, Query highlight, QueryDescription description, java.util.Set<Integer> years) {
  public ParsedQuery {
    years = java.util.Set.copyOf(years);
  }

  public boolean browse() {
    return description.browse();
  }
}
