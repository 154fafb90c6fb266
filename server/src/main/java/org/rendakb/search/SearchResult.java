package org.rendakb.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results with multi-select facet counts.
 *
 * @param facets per dimension: years in ascending order, other dimensions by count
 */
public record SearchResult(
    long total, int page, int size, long tookMs, QueryDescription query, List<Hit> hits,
    Map<String, List<FacetValue>> facets) {

  /**
   * @param path relative to the folder the file was indexed from
   * @param score null when the order is not by relevance
   * @param snippets HTML: everything escaped except the {@code <mark>} around matches
   */
  public record Hit(
      String id, String path, String title, String type, String date, Integer year, String body, String committee,
      String region, String place, Float score, List<String> snippets) {}

  public record FacetValue(String value, long count) {}
}
