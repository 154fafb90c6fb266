package org.rendakb.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results with multi-select facet counts.
 *
 * @param total documents that match the whole query
 * @param partial documents listed after them that lack one part of the query (a word, or a piece of
 *     a one-word query): at most {@link SearchService#PARTIAL_MAX} when some documents match the
 *     whole query, all of them when none does; 0 in date order
 * @param facets per dimension: years in ascending order, other dimensions by count; over the full
 *     matches, or over the partial ones when there are no full matches
 */
public record SearchResult(
    long total, long partial, int page, int size, long tookMs, QueryDescription query, List<Hit> hits,
    Map<String, List<FacetValue>> facets) {

  /**
   * @param path relative to the folder the file was indexed from
   * @param score null when the order is not by relevance; full and partial matches are each in
   *     score order, the partial ones after all full ones
   * @param snippets HTML: everything escaped except the {@code <mark>} around matches
   * @param partial the document lacks a part of the query
   * @param missing the parts of the query a partial match lacks, as typed; empty for a full match
   */
  public record Hit(
      String id, String path, String title, String type, String date, Integer year, String body, String committee,
      String region, String place, Float score, List<String> snippets, boolean partial, List<String> missing) {
    public Hit {
      missing = List.copyOf(missing);
    }
  }

  public record FacetValue(String value, long count) {}
}
