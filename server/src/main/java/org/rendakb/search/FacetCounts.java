package org.rendakb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.Query;
import org.rendakb.schema.MatchingText;
import org.rendakb.schema.Fields;
import org.rendakb.search.query.ParsedQuery;
import org.rendakb.search.reader.IndexAccess;
import org.rendakb.search.reader.ReaderSearcher;

/**
 * Counts of facet values over the documents a search selects, beyond the top {@link
 * SearchService#FACET_VALUES} the result list shows: every value of one dimension (the page's
 * 更多…), and a count table of two dimensions (a researcher's 地区 × 年份). The documents are
 * selected by the same query and filters as {@link SearchService#search}. Knows nothing of HTTP;
 * thread-safe.
 */
public final class FacetCounts {
  private final SearchService service;
  private final IndexAccess index;

  public FacetCounts(SearchService service, IndexAccess index) {
    this.service = service;
    this.index = index;
  }

  /**
   * Every value of {@code dim} with its count, as the search's facets count it (drill-sideways: the
   * dimension's own filter is left out, so a user can widen as well as narrow), the selected values
   * always listed. {@code contains} (blank for all) keeps the values that hold it, case and width
   * folded. Years in ascending order, other dimensions by count then value.
   */
  public List<SearchResult.FacetValue> values(SearchRequest request, String dim, String contains) throws IOException {
    Map<String, List<String>> others = new LinkedHashMap<>(request.filters());
    List<String> selected = others.remove(dim);
    SearchRequest sideways = withFilters(request, others);
    String needle = contains == null ? "" : MatchingText.of(contains.strip());
    List<SearchResult.FacetValue> all = index.withSearcher(s -> counts(s, query(s, sideways), dim));
    List<SearchResult.FacetValue> out = new ArrayList<>();
    for (SearchResult.FacetValue v : all) {
      if (needle.isEmpty() || MatchingText.of(v.value()).contains(needle)) {
        out.add(v);
      }
    }
    for (String value : selected == null ? List.<String>of() : selected) {
      if (out.stream().noneMatch(v -> v.value().equals(value))) {
        out.add(new SearchResult.FacetValue(value, 0));
      }
    }
    out.sort(order(dim));
    return List.copyOf(out);
  }

  /**
   * A count table: the values of {@code rows} and of {@code cols} among the selected documents,
   * {@code counts[i][j]} the documents with row value i and column value j, the totals of each row
   * and column, and {@code total} the documents the request selects (with or without a value of
   * either dimension). Both dimensions must be single-valued (not {@code law}).
   */
  public CountTable table(SearchRequest request, String rows, String cols) throws IOException {
    return index.withSearcher(s -> {
      Query base = query(s, request);
      long total = s.count(base);
      List<SearchResult.FacetValue> rowValues = counts(s, base, rows);
      List<SearchResult.FacetValue> colValues = counts(s, base, cols);
      rowValues.sort(order(rows));
      colValues.sort(order(cols));
      Map<String, Integer> colIndex = new LinkedHashMap<>();
      colValues.forEach(v -> colIndex.put(v.value(), colIndex.size()));
      long[][] counts = new long[rowValues.size()][colValues.size()];
      for (int i = 0; i < rowValues.size(); i++) {
        Map<String, List<String>> narrowed = new LinkedHashMap<>(request.filters());
        List<String> only = List.of(rowValues.get(i).value());
        narrowed.put(rows, only);
        SearchRequest row = withFilters(request, narrowed);
        for (SearchResult.FacetValue cell : counts(s, query(s, row), cols)) {
          Integer j = colIndex.get(cell.value());
          if (j != null) {
            counts[i][j] = cell.count();
          }
        }
      }
      return new CountTable(rows, cols, rowValues.stream().map(SearchResult.FacetValue::value).toList(),
          colValues.stream().map(SearchResult.FacetValue::value).toList(), counts,
          rowValues.stream().mapToLong(SearchResult.FacetValue::count).toArray(),
          colValues.stream().mapToLong(SearchResult.FacetValue::count).toArray(), total);
    });
  }

  private Query query(ReaderSearcher s, SearchRequest request) throws IOException {
    return service.listed(s, request);
  }

  /** Every value of {@code dim} among the documents the query matches, unsorted. */
  private static List<SearchResult.FacetValue> counts(ReaderSearcher s, Query query, String dim) throws IOException {
    List<SearchResult.FacetValue> out = new ArrayList<>();
    if (s.facetState() == null || !s.hasDim(dim)) {
      return out;
    }
    FacetsCollector collected = FacetsCollectorManager.search(s, query, 0, new FacetsCollectorManager()).facetsCollector();
    FacetResult result = new SortedSetDocValuesFacetCounts(s.facetState(), collected).getAllChildren(dim);
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        out.add(new SearchResult.FacetValue(lv.label, lv.value.longValue()));
      }
    }
    return out;
  }

  private static Comparator<SearchResult.FacetValue> order(String dim) {
    return dim.equals(Fields.YEAR)
        ? Comparator.comparing(SearchResult.FacetValue::value)
        : Comparator.comparingLong(SearchResult.FacetValue::count).reversed().thenComparing(SearchResult.FacetValue::value);
  }

  private static SearchRequest withFilters(SearchRequest r, Map<String, List<String>> filters) {
    return new SearchRequest(r.q(), filters, r.from(), r.to(), r.sort(), r.page(), r.size(), r.foldVersions(), r.mode());
  }
}
