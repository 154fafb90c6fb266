package org.rendakb.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rendakb.compare.CompareDocx;
import org.rendakb.compare.CompareService;
import org.rendakb.compare.NewPhrases;
import org.rendakb.compare.NewPhrasesService;
import org.rendakb.compare.Table;

/** The drafting tools over HTTP: the 对照表 of two documents (JSON and Word), versions to compare with, 新提法. */
final class DraftingRoutes {
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private DraftingRoutes() {}

  static void register(RoutesConfig routes, Services services) {
    CompareService compare = services.compare();
    NewPhrasesService phrases = services.phrases();
    routes.get("/api/compare", ctx -> {
      String[] ids = pair(ctx);
      ctx.json(compare.compare(ids[0], ids[1]));
    });
    routes.get("/api/compare.docx", ctx -> {
      String[] ids = pair(ctx);
      Table table = compare.table(ids[0], ids[1]);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CompareDocx.write(table, out);
      String name = "对照表-" + (table.b().title() == null ? ids[1] : table.b().title()) + ".docx";
      ctx.contentType(DOCX);
      ctx.header("Content-Disposition", "attachment; filename*=UTF-8''"
          + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
      ctx.result(out.toByteArray());
    });
    routes.get("/api/documents/{id}/versions", ctx ->
        ctx.json(Map.of("id", ctx.pathParam("id"), "versions", compare.versions(ctx.pathParam("id")))));
    routes.get("/api/documents/{id}/new-phrases", ctx -> {
      List<String> against = ctx.queryParams("against").stream().filter(a -> !a.isBlank()).distinct().toList();
      if (against.size() > NewPhrasesService.MAX_AGAINST) {
        throw ApiException.badRequest("at most " + NewPhrasesService.MAX_AGAINST + " documents to compare with, got "
            + against.size());
      }
      int size = SearchParams.bounded(ctx, "size", 30, NewPhrasesService.MAX_SIZE);
      NewPhrases found = phrases.compare(ctx.pathParam("id"), against, size);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", found.id());
      body.put("against", found.against());
      body.put("new", found.added());
      body.put("dropped", found.dropped());
      ctx.json(body);
    });
  }

  private static String[] pair(Context ctx) {
    String a = ctx.queryParam("a");
    String b = ctx.queryParam("b");
    if (a == null || a.isBlank() || b == null || b.isBlank()) {
      throw ApiException.badRequest("a and b are required: the ids of the two documents to compare");
    }
    return new String[] {a, b};
  }
}
