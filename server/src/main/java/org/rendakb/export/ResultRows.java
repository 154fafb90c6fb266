package org.rendakb.export;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rendakb.search.SearchRequest;
import org.rendakb.search.SearchResult;
import org.rendakb.search.SearchService;

/**
 * A whole result list as rows, in the order the pages list it (full matches, then partial ones; a
 * law's versions folded as on the page), up to {@link #MAX_ROWS}. Knows nothing of HTTP: the
 * address a row links to is built on the base the caller gives.
 */
public final class ResultRows {
  public static final int MAX_ROWS = SearchService.MAX_DEPTH;
  public static final List<String> COLUMNS =
      List.of("title", "type", "date", "year", "body", "committee", "region", "doc_number", "path", "link");

  private final SearchService service;

  public ResultRows(SearchService service) {
    this.service = service;
  }

  /** The rows of every page of {@code request} (its page and size are ignored). */
  public ExportTable of(SearchRequest request, String linkBase) throws IOException {
    SearchRequest all = new SearchRequest(request.q(), request.filters(), request.from(), request.to(), request.sort(),
        1, MAX_ROWS, request.foldVersions(), request.mode());
    SearchResult result = service.search(all);
    List<List<String>> rows = new ArrayList<>(result.hits().size());
    for (SearchResult.Hit hit : result.hits()) {
      rows.add(List.of(text(hit.title()), text(hit.type()), text(hit.date()), hit.year() == null ? "" : hit.year().toString(),
          text(hit.body()), text(hit.committee()), text(hit.region()), "", text(hit.path()),
          linkBase + "/?view=doc&id=" + URLEncoder.encode(hit.id(), StandardCharsets.UTF_8)));
    }
    return new ExportTable(COLUMNS, rows);
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
