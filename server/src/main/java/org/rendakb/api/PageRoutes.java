package org.rendakb.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.rendakb.export.CsvFormat;
import org.rendakb.export.ExportTable;
import org.rendakb.export.ResultRows;
import org.rendakb.export.XlsxFormat;
import org.rendakb.schema.Fields;
import org.rendakb.schema.IndexSchema;
import org.rendakb.search.CountTable;
import org.rendakb.search.DocumentMarks;
import org.rendakb.search.FacetCounts;

/**
 * What the page offers beyond one page of results: the whole list as CSV or Excel, a count table
 * of two dimensions, every value of one facet, and the marks of a query in a document. Each takes
 * the parameters of {@code /api/search} ({@link SearchParams}) and refuses bad ones with 400.
 */
final class PageRoutes {
  /** Dimensions a count table can have: one value per document each (a document cites many laws). */
  static final List<String> TABLE_DIMENSIONS = List.of(Fields.YEAR, Fields.TYPE, Fields.BODY, Fields.COMMITTEE, Fields.REGION);

  private PageRoutes() {}

  static void register(RoutesConfig routes, Services services) {
    ResultRows results = services.results();
    FacetCounts facets = services.facets();
    DocumentMarks marks = services.marks();
    routes.get("/api/search.csv", ctx -> csv(ctx, "检索结果", results.of(SearchParams.read(ctx), linkBase(ctx))));
    routes.get("/api/search.xlsx", ctx -> xlsx(ctx, "检索结果", results.of(SearchParams.read(ctx), linkBase(ctx))));
    routes.get("/api/stats", ctx -> ctx.json(table(ctx, facets)));
    routes.get("/api/stats.csv", ctx -> csv(ctx, "统计表", statsExport(ctx, facets)));
    routes.get("/api/stats.xlsx", ctx -> xlsx(ctx, "统计表", statsExport(ctx, facets)));
    routes.get("/api/facets/{field}", ctx -> {
      String field = ctx.pathParam("field");
      if (!IndexSchema.FACET_DIMENSIONS.contains(field)) {
        throw ApiException.badRequest("no facet \"" + field + "\"; the facets are " + String.join(", ", IndexSchema.FACET_DIMENSIONS));
      }
      String contains = ctx.queryParam("prefix");
      ctx.json(Map.of("field", field, "prefix", contains == null ? "" : contains,
          "values", facets.values(SearchParams.read(ctx), field, contains)));
    });
    routes.get("/api/documents/{id}/marks", ctx -> {
      String q = ctx.queryParam("q");
      if (q != null && q.length() > SearchParams.MAX_RAW_QUERY_CHARS) {
        throw ApiException.badRequest("q has " + q.length() + " characters; marks take a query of up to "
            + SearchParams.MAX_RAW_QUERY_CHARS);
      }
      String passage = ctx.queryParam("passage");
      Integer position = passage == null || passage.isBlank() ? null : SearchParams.integer(ctx, "passage", 0);
      if (position != null && position < 0) {
        throw ApiException.badRequest("passage must be 0 or more (a precedent hit's position), got " + position);
      }
      ctx.json(marks.of(ctx.pathParam("id"), q, position));
    });
  }

  private static CountTable table(Context ctx, FacetCounts facets) throws IOException {
    String rows = dimension(ctx, "rows");
    String cols = dimension(ctx, "cols");
    if (rows.equals(cols)) {
      throw ApiException.badRequest("rows and cols must be two different fields, got " + rows + " twice");
    }
    return facets.table(SearchParams.read(ctx), rows, cols);
  }

  private static ExportTable statsExport(Context ctx, FacetCounts facets) throws IOException {
    CountTable t = table(ctx, facets);
    return ExportTable.of(t, t.rowsField(), t.colsField());
  }

  private static String dimension(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(name + " is required: one of " + String.join(", ", TABLE_DIMENSIONS));
    }
    if (!TABLE_DIMENSIONS.contains(value.strip())) {
      throw ApiException.badRequest(name + " must be one of " + String.join(", ", TABLE_DIMENSIONS) + ", got \"" + value + "\"");
    }
    return value.strip();
  }

  /** Rows link to the document view on the address the export was asked from. */
  private static String linkBase(Context ctx) {
    return ctx.scheme() + "://" + (ctx.host() == null ? "localhost" : ctx.host());
  }

  private static void csv(Context ctx, String name, ExportTable table) throws IOException {
    download(ctx, CsvFormat.CONTENT_TYPE, name + ".csv");
    try (OutputStream out = ctx.outputStream()) {
      CsvFormat.write(table, out);
    }
  }

  private static void xlsx(Context ctx, String name, ExportTable table) throws IOException {
    download(ctx, XlsxFormat.CONTENT_TYPE, name + ".xlsx");
    try (OutputStream out = ctx.outputStream()) {
      XlsxFormat.write(table, name, out);
    }
  }

  private static void download(Context ctx, String type, String fileName) {
    ctx.contentType(type);
    ctx.header("Content-Disposition", "attachment; filename*=UTF-8''"
        + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
  }
}
