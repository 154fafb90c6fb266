package org.rendakb.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rendakb.errors.RefusedException;
import org.rendakb.search.DocumentText;
import org.rendakb.search.NoSuchDocumentException;
import org.rendakb.search.OriginalFile;
import org.rendakb.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server over the services the composition root ({@code org.rendakb.Server}) built: routes,
 * the one error mapper, static files and lifecycle, registered up front.
 */
public final class App {
  private static final Logger log = LoggerFactory.getLogger(App.class);
  private static final String REQUEST_ID = "request-id";
  private static final String ERROR_WRITTEN = "error-written";
  public static final int MAX_SIMILAR = 50;
  /** Request line and headers together; beyond it Jetty answers 414 or 431 (in JSON, {@link JsonErrorHandler}). */
  static final int MAX_REQUEST_HEADER_BYTES = 24 * 1024;
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private App() {}

  /** A Javalin server over {@code services}, not yet started. Stopping it closes what {@link Services#onStop} lists. */
  public static Javalin create(Services services, HttpConfig listen) {
    ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    SearchService service = services.search();
    Handlers handlers = new Handlers(service);
    return Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(json, false));
      config.startup.showJavalinBanner = false;
      config.jetty.host = listen.host();
      config.jetty.port = listen.port();
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
      // a precedent text of its full length (2,000 CJK chars, 9 bytes each percent-encoded) fits in the URL
      config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
      config.jetty.modifyServletContextHandler(context ->
          context.addFilter(new FilterHolder(new MethodFilter()), "/*", EnumSet.of(DispatcherType.REQUEST)));
      if (App.class.getResource("/web") != null) {
        config.staticFiles.add(files -> {
          files.hostedPath = "/";
          files.directory = "web";
          files.location = Location.CLASSPATH;
        });
      } else {
        config.routes.get("/", ctx -> ctx.html(PLACEHOLDER));
      }
      config.routes.after(App::securityHeaders);
      config.routes.before(ctx -> {
        String id = UUID.randomUUID().toString().substring(0, 8);
        ctx.attribute(REQUEST_ID, id);
        ctx.header("X-Request-Id", id);
        QueryStringCheck.check(ctx.queryString());
      });
      // every route that searches the whole index or reads a document's text; the exports list up to
      // 10,000 rows, and the drafting tools compare whole texts
      new ExpensiveRequests(listen.limits()).cover(config.routes, "/api/search", "/api/precedents",
          "/api/documents/{id}", "/api/documents/{id}/text", "/api/documents/{id}/similar",
          "/api/documents/{id}/marks", "/api/documents/{id}/new-phrases", "/api/compare", "/api/compare.docx",
          "/api/search.csv", "/api/search.xlsx", "/api/stats", "/api/stats.csv", "/api/stats.xlsx");
      config.routes.get("/api/health", ctx -> ctx.json(service.health().withOcr(services.ocr())));
      config.routes.get("/api/search", handlers::search);
      config.routes.get("/api/suggest", ctx -> ctx.json(Map.of("q", nullToEmpty(ctx.queryParam("q")),
          "suggestions", service.suggest(ctx.queryParam("q")))));
      config.routes.get("/api/documents/{id}", ctx -> ctx.json(service.document(ctx.pathParam("id"))));
      config.routes.get("/api/documents/{id}/file", handlers::file);
      config.routes.get("/api/documents/{id}/text", handlers::text);
      config.routes.get("/api/documents/{id}/similar", handlers::similar);
      KnowledgeRoutes.register(config.routes, services);
      PageRoutes.register(config.routes, services);
      DraftingRoutes.register(config.routes, services);
      AdminRoutes.register(config, services.admin());

      config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
      config.routes.exception(RefusedException.class, (e, ctx) -> error(ctx, status(e.reason()), e.getMessage()));
      config.routes.exception(NoSuchDocumentException.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
          e.getStatus() == 404 ? "no such page or API: " + ctx.method() + " " + ctx.path() : e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        String id = ctx.attribute(REQUEST_ID);
        log.error("request {} {} {} failed", id, ctx.method(), ctx.path(), e);
        error(ctx, 500, "the server failed to answer; the log has the details under request id " + id);
      });
      // whatever ends in 404 without a body (a static file that is not there) still answers in JSON
      config.routes.error(404, ctx -> {
        if (ctx.attribute(ERROR_WRITTEN) == null) {
          error(ctx, 404, "no such page or API: " + ctx.method() + " " + ctx.path());
        }
      });
      config.events.serverStopped(() -> close(services.onStop()));
    });
  }

  /** The status of a service's refusal: what the client can do about it. */
  static int status(RefusedException.Reason reason) {
    return switch (reason) {
      case INVALID -> 400;
      case CONFLICT -> 409;
      case UNREADABLE -> 422;
      case UNAVAILABLE -> 503;
    };
  }

  /** Closes each in turn; one that fails does not keep the others open. */
  private static void close(List<AutoCloseable> resources) throws Exception {
    Exception first = null;
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * On every response: scripts, styles and images only from the server itself (no inline script,
   * so text that slipped into the page could not run), no sniffing, no referrer to other sites.
   * A response that set its own policy (the original-file endpoint's sandbox) keeps it.
   */
  static void securityHeaders(Context ctx) {
    if (ctx.res().getHeader("Content-Security-Policy") == null) {
      ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
  }

  private static void error(Context ctx, int status, String message) {
    ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
    ctx.status(status).json(new ErrorBody(message));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The handlers that do more than one call. */
  private record Handlers(SearchService service) {
    void search(Context ctx) throws IOException {
      ctx.json(service.search(SearchParams.read(ctx)));
    }

    void similar(Context ctx) throws Exception {
      int size = SearchParams.bounded(ctx, "size", 10, MAX_SIMILAR);
      ctx.json(Map.of("id", ctx.pathParam("id"), "similar", service.similar(ctx.pathParam("id"), size)));
    }

    void text(Context ctx) throws Exception {
      int offset = SearchParams.integer(ctx, "offset", 0);
      int length = SearchParams.integer(ctx, "length", DocumentText.DEFAULT_LENGTH);
      if (offset < 0) {
        throw ApiException.badRequest("offset must be 0 or more, got " + offset);
      }
      if (length < 1 || length > DocumentText.MAX_LENGTH) {
        throw ApiException.badRequest("length must be between 1 and " + DocumentText.MAX_LENGTH + ", got " + length);
      }
      ctx.json(service.text(ctx.pathParam("id"), offset, length));
    }

    void file(Context ctx) throws Exception {
      OriginalFile file = service.file(ctx.pathParam("id"));
      ServedType served = ServedType.of(file.contentType());
      ctx.contentType(served.inline() ? ServedContentType.of(file) : served.contentType());
      ctx.header("Content-Disposition", (served.inline() ? "inline" : "attachment") + "; filename*=UTF-8''"
          + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
      // the file is hostile input: an HTML original must not run scripts in the application's origin
      ctx.header("Content-Security-Policy", "sandbox");
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.result(Files.newInputStream(file.file()));
    }
  }

  private static final String PLACEHOLDER = """
      <!doctype html>
      <html lang="zh-CN"><head><meta charset="utf-8"><title>rendakb</title></head>
      <body><h1>rendakb</h1><p>The search page is not installed yet. The API answers under
      <a href="/api/health">/api/health</a> and <a href="/api/search">/api/search?q=…</a>.</p></body></html>
      """;
}
