package org.rendakb.search.query;

import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * The documents listed after those that match the whole query: they hold all parts of it but one,
 * ranked by how well they match those. A search engine's "Missing: 上半年".
 *
 * @param parts the parts of the query, two or more
 * @param query documents that hold all parts but one or more (the full matches included), with the
 *     query's exclusions and its years' boost
 * @param marked the strings snippets mark in a partial match besides the query's terms: the forms
 *     of its parts (the pieces of a one-word query)
 * @param candidates a cheap superset to rank first: any bigram of the query as a term ({@link #query}
 *     then ranks the best of them)
 */
public record PartialQuery(List<QueryPart> parts, Query query, List<String> marked, Query candidates) {
  public PartialQuery {
    parts = List.copyOf(parts);
    marked = List.copyOf(marked);
  }

  /** The partial matches alone: {@link #query} without what matches {@code full}. */
  public Query excluding(Query full) {
    return new BooleanQuery.Builder().add(query, Occur.MUST).add(full, Occur.MUST_NOT).build();
  }
}
