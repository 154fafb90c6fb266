package org.rendakb.api;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rendakb.hybrid.SearchMode;
import org.rendakb.schema.Fields;
import org.rendakb.schema.IndexSchema;
import org.rendakb.search.SearchRequest;
import org.rendakb.search.SearchService;
import org.rendakb.search.SortOrder;

/** Reads and checks the parameters of {@code /api/search}; every refusal says which parameter and why. */
final class SearchParams {
  static final int MAX_SIZE = 100;
  static final int DEFAULT_SIZE = 10;
  /** A query this long is not a search but a pasted text: refused with 413 instead of silently cut. */
  static final int MAX_RAW_QUERY_CHARS = 4_000;
  /**
   * Filter values per request, all fields together: far more than a page of facets offers, and far
   * below Lucene's clause limit, which the filters of one request could otherwise exceed.
   */
  static final int MAX_FILTER_VALUES = 100;

  private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);

  private SearchParams() {}

  static SearchRequest read(Context ctx) {
    String q = ctx.queryParam("q");
    if (q != null && q.length() > MAX_RAW_QUERY_CHARS) {
      throw new ApiException(413, "the query has " + q.length() + " characters; a search takes up to "
          + MAX_RAW_QUERY_CHARS + " (only the first " + org.rendakb.search.query.StaffQueryParser.MAX_QUERY_CHARS
          + " are searched): search for its key words or phrases instead");
    }
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String dim : IndexSchema.FACET_DIMENSIONS) {
      List<String> values = new ArrayList<>();
      for (String v : ctx.queryParams(dim)) {
        String value = v.strip();
        if (value.isEmpty()) {
          continue;
        }
        if (dim.equals(Fields.YEAR) && !value.matches("\\d{1,4}")) {
          throw ApiException.badRequest("year must be a year such as 2024, got \"" + value + "\"");
        }
        if (!values.contains(value)) {
          values.add(value);
        }
      }
      filters.put(dim, values);
    }
    int filterValues = filters.values().stream().mapToInt(List::size).sum();
    if (filterValues > MAX_FILTER_VALUES) {
      throw ApiException.badRequest("the request has " + filterValues + " filter values; a search takes up to "
          + MAX_FILTER_VALUES + " (year, type, body, committee, region and law together)");
    }
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.badRequest("from (" + from + ") is after to (" + to + ")");
    }
    String sortParam = blankToNull(ctx.queryParam("sort"));
    SortOrder sort = null;
    if (sortParam != null) {
      sort = SortOrder.fromParam(sortParam).orElseThrow(() -> ApiException.badRequest(
          "sort must be relevance, date_desc or date_asc, got \"" + sortParam + "\""));
    }
    int page = integer(ctx, "page", 1);
    int size = integer(ctx, "size", DEFAULT_SIZE);
    if (page < 1) {
      throw ApiException.badRequest("page must be 1 or more, got " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ApiException.badRequest("size must be between 1 and " + MAX_SIZE + ", got " + size);
    }
    if ((long) page * size > SearchService.MAX_DEPTH) {
      throw ApiException.badRequest("page " + page + " of " + size + " goes beyond result " + SearchService.MAX_DEPTH
          + ", the deepest a search pages; narrow it with filters instead");
    }
    String versions = blankToNull(ctx.queryParam("versions"));
    if (versions != null && !versions.equals("fold") && !versions.equals("all")) {
      throw ApiException.badRequest("versions must be fold (a law's versions are one hit) or all (a hit each), got \""
          + versions + "\"");
    }
    String modeParam = blankToNull(ctx.queryParam("mode"));
    SearchMode mode = modeParam == null ? null : SearchMode.parse(modeParam);
    if (modeParam != null && mode == null) {
      throw ApiException.badRequest("mode must be lexical, hybrid or semantic, got \"" + modeParam + "\"");
    }
    return new SearchRequest(q, filters, from, to, sort, page, size, !"all".equals(versions), mode);
  }

  /** A whole number parameter between 1 and {@code max}, {@code fallback} when absent. */
  static int bounded(Context ctx, String name, int fallback, int max) {
    int value = integer(ctx, name, fallback);
    if (value < 1 || value > max) {
      throw ApiException.badRequest(name + " must be between 1 and " + max + ", got " + value);
    }
    return value;
  }

  static int integer(Context ctx, String name, int fallback) {
    String raw = blankToNull(ctx.queryParam(name));
    if (raw == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number, got \"" + raw + "\"");
    }
  }

  private static LocalDate date(Context ctx, String name) {
    String raw = blankToNull(ctx.queryParam(name));
    if (raw == null) {
      return null;
    }
    try {
      return LocalDate.parse(raw, ISO_STRICT);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be a date written YYYY-MM-DD, got \"" + raw + "\"");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
