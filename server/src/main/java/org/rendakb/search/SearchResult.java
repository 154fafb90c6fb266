package org.rendakb.search;

import java.util.List;
import java.util.Map;
import org.rendakb.search.query.QueryDescription;

/**
 * One page of results with multi-select facet counts. The pages reach {@code total + partial -
 * folded} hits (at least one page past the full matches while {@code partial} is null).
 *
 * @param total documents that match the whole query
 * @param partial documents listed after them that lack part of the query (a word, or a piece of a
 *     one-word query): the best {@link SearchService#PARTIAL_MAX} of the
 *     {@link SearchService#CANDIDATES} documents that best match the query's bigrams when some
 *     documents match the whole query, all of them when none does; 0 when the query has one part
 *     and in date order; null when this page does not reach them (they are ranked, and counted,
 *     only for a page that lists some)
 * @param folded of those documents, the versions of a law listed on another version's hit
 *     ({@code versions}) rather than as hits of their own
 * @param facets per dimension: years in ascending order, other dimensions by count; over the full
 *     matches, or over the partial ones when there are no full matches
 */
public record SearchResult(
    long total, Long partial, long folded, int page, int size, long tookMs, QueryDescription query, List<Hit> hits,
    Map<String, List<FacetValue>> facets) {

  /**
   * @param path relative to the folder the file was indexed from
   * @param score null when the order is not by relevance; a law with several versions ranks and
   *     scores as its best-matching version. Partial matches come after all full ones; their score
   *     counts {@link org.rendakb.search.query.Weights#PART} for each part they hold, then how well they match
   * @param snippets HTML: everything escaped except the {@code <mark>} around matches
   * @param partial the document lacks part of the query
   * @param missing the parts of the query a partial match lacks, as typed; empty for a full match
   *     (and for a partial match of one word that holds all its pieces, apart)
   * @param versions the law's other versions, newest first: same title and type, another date or file
   * @param snippetPages the page (from 1) each snippet stands on, in the same order; null entries for a
   *     file without pages
   * @param meaning found by meaning alone: no word of the query is in it (its snippets open its text,
   *     the part its meaning vector was made from)
   */
  public record Hit(
      String id, String path, String title, String type, String date, Integer year, String body, String committee,
      String region, String place, Float score, List<String> snippets, boolean partial, List<String> missing,
      List<OtherVersion> versions, List<Integer> snippetPages, boolean meaning) {
    public Hit {
      missing = List.copyOf(missing);
      versions = List.copyOf(versions);
      snippetPages = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(snippetPages));
    }
  }

  /** Another version of a hit's law, reachable from the hit. */
  public record OtherVersion(String id, String date, String path) {}

  public record FacetValue(String value, long count) {}
}
