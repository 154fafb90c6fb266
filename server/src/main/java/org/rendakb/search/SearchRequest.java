package org.rendakb.search;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rendakb.hybrid.SearchMode;

/**
 * One search, already validated by the caller.
 *
 * @param q the staff query; blank to browse
 * @param filters facet dimension → accepted values (OR within a dimension, AND across)
 * @param from first date, inclusive, or null
 * @param to last date, inclusive, or null
 * @param sort null for the default: relevance with a query, newest first without
 * @param page 1-based
 * @param size hits per page
 * @param foldVersions the versions of one law are one hit (the others listed on it), not a hit each
 * @param mode how a relevance-ordered search finds documents; null for the default (hybrid where
 *     the index has vectors)
 */
public record SearchRequest(
    String q, Map<String, List<String>> filters, LocalDate from, LocalDate to, SortOrder sort, int page, int size,
    boolean foldVersions, SearchMode mode) {

  public SearchRequest(String q, Map<String, List<String>> filters, LocalDate from, LocalDate to, SortOrder sort,
      int page, int size, boolean foldVersions) {
    this(q, filters, from, to, sort, page, size, foldVersions, null);
  }

  public SearchRequest {
    q = q == null ? "" : q;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    filters.forEach((dim, values) -> {
      if (!values.isEmpty()) {
        copy.put(dim, List.copyOf(values));
      }
    });
    filters = java.util.Collections.unmodifiableMap(copy);
  }

  public static SearchRequest of(String q) {
    return new SearchRequest(q, Map.of(), null, null, null, 1, 10, true, null);
  }

  /** The same search run another way. */
  public SearchRequest withMode(SearchMode how) {
    return new SearchRequest(q, filters, from, to, sort, page, size, foldVersions, how);
  }
}
