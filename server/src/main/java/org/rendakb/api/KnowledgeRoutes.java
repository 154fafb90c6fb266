package org.rendakb.api;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import org.rendakb.precedent.PrecedentSearcher;
import org.rendakb.search.SearchRequest;

/** Precedent search and the knowledge layer (laws, bodies, committees) over HTTP. */
final class KnowledgeRoutes {
  private KnowledgeRoutes() {}

  static final int MAX_PRECEDENTS = 50;
  static final int MAX_LAWS = 500;

  static void register(RoutesConfig routes, Services services) {
    routes.get("/api/precedents", ctx -> {
      String text = ctx.queryParam("q");
      if (text == null || text.isBlank()) {
        throw ApiException.badRequest("q is required: the sentence or phrase whose precedents you look for");
      }
      if (text.length() > PrecedentSearcher.MAX_QUERY_CHARS) {
        throw ApiException.badRequest("the text is " + text.length() + " characters long; precedent search takes at most "
            + PrecedentSearcher.MAX_QUERY_CHARS + " (a few sentences)");
      }
      int size = SearchParams.bounded(ctx, "size", 10, MAX_PRECEDENTS);
      SearchRequest filters = SearchParams.read(ctx);
      ctx.json(services.precedents().search(text, filters.filters(), filters.from(), filters.to(), size));
    });
    routes.get("/api/laws", ctx -> {
      int size = SearchParams.bounded(ctx, "size", 50, MAX_LAWS);
      String q = ctx.queryParam("q");
      ctx.json(Map.of("laws", services.laws().list(q, size)));
    });
    routes.get("/api/laws/{name}", ctx -> {
      int size = SearchParams.bounded(ctx, "size", 20, MAX_LAWS);
      ctx.json(services.laws().law(ctx.pathParam("name"), size));
    });
    routes.get("/api/bodies", ctx -> ctx.json(Map.of("bodies", services.organs().bodies())));
    routes.get("/api/committees", ctx -> ctx.json(Map.of("committees", services.organs().committees())));
  }
}
