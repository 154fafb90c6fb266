package org.rendakb.api;

import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rendakb.admin.AdminConfig;
import org.rendakb.admin.AdminServices;
import org.rendakb.admin.Reindexer;
import org.rendakb.admin.UploadMetadata;
import org.rendakb.admin.Uploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints that change the index: {@code POST /api/documents} (multipart upload),
 * {@code DELETE /api/documents/{id}}, {@code POST /api/reindex} and {@code GET /api/reindex}.
 * Each checks the admin token before it reads anything of the request's body.
 */
final class AdminRoutes {
  private static final Logger log = LoggerFactory.getLogger(AdminRoutes.class);
  /** Room for the form's other fields and the multipart framing around the file. */
  static final long FORM_OVERHEAD = 1 << 20;
  private static final String FILE_FIELD = "file";
  private static final String BODY_READ = "admin-body-read";

  private final AdminGuard guard;
  private final long maxUploadBytes;
  private final Uploads uploads;
  private final Reindexer reindexer;

  private AdminRoutes(AdminGuard guard, long maxUploadBytes, Uploads uploads, Reindexer reindexer) {
    this.guard = guard;
    this.maxUploadBytes = maxUploadBytes;
    this.uploads = uploads;
    this.reindexer = reindexer;
  }

  /**
   * Registers the admin endpoints on {@code config}; with {@code admin} null (no token configured)
   * they answer 403 and nothing of a request's body is read.
   */
  static void register(JavalinConfig config, AdminServices admin) {
    AdminRoutes routes = admin == null
        ? new AdminRoutes(new AdminGuard(null, null, null), AdminConfig.DEFAULT_MAX_UPLOAD_MB << 20, null, null)
        : enabled(config, admin);
    config.routes.post("/api/documents", routes::upload);
    config.routes.delete("/api/documents/{id}", routes::delete);
    config.routes.post("/api/reindex", routes::startReindex);
    config.routes.get("/api/reindex", routes::reindexStatus);
  }

  private static AdminRoutes enabled(JavalinConfig config, AdminServices admin) {
    AdminConfig settings = admin.config();
    // multipart bodies are spooled to disk beyond 1 MB and cut off at the limit, never held in memory whole
    config.jetty.multipartConfig.cacheDirectory(admin.store().incoming().toString());
    config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
    config.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes() + FORM_OVERHEAD, SizeUnit.BYTES);
    config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
    log.info("admin endpoints on: uploads kept in {}, at most {} MB each", admin.store().root(),
        settings.maxUploadBytes() >> 20);
    return new AdminRoutes(new AdminGuard(settings.token(), admin.throttle(), settings.clientAddressHeader()),
        settings.maxUploadBytes(), admin.uploads(), admin.reindexer());
  }

  private void upload(Context ctx) throws IOException {
    try {
      guard.check(ctx);
    } catch (ApiException e) {
      // refused on its headers: the body is not waited for (a client sending it a byte at a time
      // would hold this thread as long as it liked), only what has already arrived is dropped
      SlowBodies.refuse(ctx);
      throw e;
    }
    SlowBodies.boundIdle(ctx);
    try {
      accept(ctx);
    } catch (IOException | RuntimeException e) {
      // whatever refused the upload, the client must read the answer, not a connection reset while
      // it is still sending; one that waits with Expect: 100-continue (curl does) and was refused
      // before the body was asked for never sends it
      if (ctx.attribute(BODY_READ) != null || !"100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
        drain(ctx);
      }
      throw e;
    }
  }

  private void accept(Context ctx) throws IOException {
    if (ctx.req().getContentLengthLong() > maxUploadBytes + FORM_OVERHEAD) {
      throw tooLarge();
    }
    if (!ctx.isMultipartFormData()) {
      throw ApiException.badRequest("send the file as multipart/form-data in the form field " + FILE_FIELD);
    }
    List<UploadedFile> files;
    Map<String, List<String>> form;
    ctx.attribute(BODY_READ, Boolean.TRUE);
    try {
      files = ctx.uploadedFiles(FILE_FIELD);
      form = ctx.formParamMap();
    } catch (Exception e) {
      // Javalin passes Jetty's ServletException through although Kotlin does not declare it. Jetty
      // closes the connection after a failed multipart parse without saying so: say it
      ctx.header("Connection", "close");
      throw unreadableForm(e);
    }
    if (files.size() != 1) {
      throw ApiException.badRequest(files.isEmpty()
          ? "the form field " + FILE_FIELD + " with the file is missing"
          : "one file per upload, got " + files.size());
    }
    UploadedFile file = files.getFirst();
    if (file.size() > maxUploadBytes) {
      throw tooLarge();
    }
    Map<String, List<String>> fields = new LinkedHashMap<>(form);
    fields.remove(FILE_FIELD);
    Map<String, Object> sidecar = UploadMetadata.sidecar(fields);
    Uploads.Added added;
    try (InputStream in = file.content()) {
      added = uploads.add(file.filename(), in, sidecar);
    }
    ctx.header("Location", "/api/documents/" + added.id());
    ctx.status(201).json(added);
  }

  /** Jetty reports a body over the multipart limits as an exception while reading the parts. */
  private ApiException unreadableForm(Exception e) {
    String reason = e.getMessage();
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase();
      if (m.contains("headers max length exceeded")) {
        return ApiException.badRequest("the headers of a part of the form are too long (" + m.replaceAll("\\D+", "")
            + " bytes at most): shorten the file name");
      }
      if (m.contains("exceeded") || m.contains("too large")) {
        return tooLarge();
      }
      reason = t.getMessage() == null ? reason : t.getMessage();
    }
    log.info("unreadable upload form: {}", e.toString());
    return ApiException.badRequest("the multipart form could not be read (" + reason + ")");
  }

  /**
   * Reads and drops the rest of a refused upload's body, up to twice the limit, so that a client
   * still sending reads the answer instead of a reset connection. A larger body is left unread and
   * the connection closed: reading it all would let anyone make the server read without end.
   */
  private void drain(Context ctx) {
    byte[] buffer = new byte[1 << 16];
    long left = 2 * maxUploadBytes + FORM_OVERHEAD;
    boolean ended = false;
    try (InputStream in = ctx.req().getInputStream()) {
      for (int n; left > 0 && !ended; ) {
        n = in.read(buffer);
        ended = n < 0;
        left -= Math.max(n, 0);
      }
    } catch (IOException | RuntimeException e) {
      // a body the multipart parser rejected (a NUL in its headers) cannot be read further
      log.debug("could not drain a refused upload: {}", e.toString());
    }
    if (!ended) {
      // Jetty closes a connection whose body was left unread without saying so; say it, so that the
      // client does not send its next request on a connection about to close
      ctx.header("Connection", "close");
    }
  }

  private ApiException tooLarge() {
    return new ApiException(413, "the file is larger than the upload limit of " + megabytes(maxUploadBytes)
        + " (the server's --max-upload-mb)");
  }

  private static String megabytes(long bytes) {
    return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : String.format("%.2f MB", bytes / 1048576.0);
  }

  private void delete(Context ctx) throws Exception {
    guard.check(ctx);
    uploads.delete(ctx.pathParam("id"));
    ctx.status(204);
  }

  private void startReindex(Context ctx) {
    guard.check(ctx);
    ctx.status(202).json(reindexer.start());
  }

  private void reindexStatus(Context ctx) {
    guard.check(ctx);
    ctx.json(reindexer.status());
  }
}
