package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendakb.admin.FailureThrottle;

/**
 * The admin path against hostile clients, over real HTTP (raw sockets where a client library would
 * send something else): bodies that never come, method overrides, parallel deletes, HEAD, served
 * types of uploaded non-documents, file names that shorten into a sidecar's, a raw HTTP/2 preface
 * and an over-long part header.
 */
class AdminHostileClientsTest {
  static final String TOKEN = "hostile-clients-token-0123456789abcdef";
  static final ObjectMapper JSON = new ObjectMapper();
  /** What a client refused on its headers may wait for its answer at most, with margin for a busy machine. */
  static final long REFUSED_ANSWER_MILLIS = 3_000;

  // wrong tokens are not what is tested here (AdminThrottleTest): never locked out
  @RegisterExtension static final ServerFixture server = ServerFixture.seeds().admin(TOKEN, 1 << 20,
      new FailureThrottle.Settings(100_000, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1), 100))
      .build();
  static Path data;
  static Javalin app;
  static AdminHttp admin;
  static AdminHttp anonymous;

  @BeforeAll
  static void start() {
    data = server.dir().resolve("uploads");
    app = server.app();
    admin = new AdminHttp(app.port(), TOKEN);
    anonymous = new AdminHttp(app.port(), null);
  }

  static String upload(String name, String text) throws Exception {
    AdminHttp.Answer a = admin.upload(new AdminHttp.Form().file(name, "text/plain", text.getBytes(StandardCharsets.UTF_8)));
    assertEquals(201, a.status(), a.text());
    return a.json().get("id").asText();
  }

  static String head(String target, String... headerLines) {
    StringBuilder b = new StringBuilder(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (String line : headerLines) {
      b.append(line).append("\r\n");
    }
    return b.append("\r\n").toString();
  }

  @Test
  void bodiesThatNeverComeAreAnsweredAtOnceWhileSearchesGoOn() throws Exception {
    int clients = 8;
    List<RawHttp> stalled = new ArrayList<>();
    ExecutorService trickle = Executors.newSingleThreadExecutor();
    try {
      for (int i = 0; i < clients; i++) {
        RawHttp c = new RawHttp(app.port());
        stalled.add(c);
        // announces a large body, sends its first line and then nothing (or one byte now and then)
        c.send(head("POST /api/documents", "Content-Type: multipart/form-data; boundary=X",
            i % 2 == 0 ? "Content-Length: 900000" : "Transfer-Encoding: chunked")
            + (i % 2 == 0 ? "--X\r\n" : "5\r\n--X\r\n\r\n"));
      }
      RawHttp dripping = stalled.getFirst();
      Future<?> drip = trickle.submit(() -> {
        for (int i = 0; i < 40 && !Thread.currentThread().isInterrupted(); i++) {
          try {
            dripping.send("a");
            Thread.sleep(100);
          } catch (Exception e) {
            return;
          }
        }
      });
      for (RawHttp c : stalled) {
        RawHttp.Answer a = c.answer();
        assertEquals(401, a.status(), a.body());
        assertEquals("close", a.header("Connection"));
        assertTrue(a.millis() < REFUSED_ANSWER_MILLIS, "answered after " + a.millis() + " ms");
        JsonNode error = JSON.readTree(a.body());
        assertTrue(error.get("error").asText().contains("admin token"), a.body());
      }
      drip.cancel(true);
      // the threads are free again: searches are served, while more such clients hold their connections open
      List<RawHttp> more = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        RawHttp c = new RawHttp(app.port());
        more.add(c);
        c.send(head("POST /api/documents", "Content-Type: multipart/form-data; boundary=X", "Content-Length: 900000") + "--X\r\n");
      }
      for (int i = 0; i < 20; i++) {
        assertTrue(anonymous.total("代表") > 0);
      }
      for (RawHttp c : more) {
        assertEquals(401, c.answer().status());
        c.close();
      }
    } finally {
      trickle.shutdownNow();
      for (RawHttp c : stalled) {
        c.close();
      }
    }
  }

  @Test
  void anAuthenticatedBodyThatStallsIsCutOffByTheIdleTimeout() throws Exception {
    try (RawHttp c = new RawHttp(app.port())) {
      c.send(head("POST /api/documents", "Authorization: Bearer " + TOKEN,
          "Content-Type: multipart/form-data; boundary=X", "Content-Length: 500000") + "--X\r\n");
      RawHttp.Answer a = c.answer();
      // the idle timeout is 10 s; the answer is a 4xx, never a thread held for as long as the client likes
      assertTrue(a.status() >= 400 && a.status() < 500, a.status() + " " + a.body());
      assertTrue(a.millis() < 25_000, "answered after " + a.millis() + " ms");
    }
    assertTrue(anonymous.total("代表") > 0);
  }

  @Test
  void aMethodOverrideHeaderIsIgnored() throws Exception {
    String id = upload("override.txt", "覆盖方法测试：这份文件不应被删除。");
    for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
      for (String method : List.of("GET", "HEAD", "POST", "PUT")) {
        AdminHttp.Answer a = admin.send(method, "/api/documents/" + id, header, "DELETE");
        assertTrue(a.status() != 204, method + " with " + header + ": DELETE answered " + a.status());
      }
    }
    assertEquals(200, admin.get("/api/documents/" + id).status(), "the document is still there");
    assertEquals(1, admin.total("覆盖方法测试"));
    assertEquals(204, admin.delete(id).status());
  }

  @Test
  void parallelDeletesOfOneDocumentGiveOne204AndThe404s() throws Exception {
    int parallel = 8;
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      for (int round = 0; round < 3; round++) {
        String id = upload("parallel-" + round + ".txt", "并行删除测试第" + round + "轮。");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
          answers.add(pool.submit(() -> {
            go.await();
            return admin.delete(id).status();
          }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) {
          statuses.add(f.get(60, TimeUnit.SECONDS));
        }
        assertEquals(1, statuses.stream().filter(s -> s == 204).count(), statuses.toString());
        assertEquals(parallel - 1, statuses.stream().filter(s -> s == 404).count(), statuses.toString());
        assertEquals(404, admin.get("/api/documents/" + id).status());
        assertFalse(Files.exists(data.resolve(id)));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void headGivesTheStatusAndHeadersOfGetWithoutABody() throws Exception {
    String id = upload("head.txt", "HEAD 请求测试。");
    RawHttp.Answer missing = RawHttp.exchange(app.port(), head("HEAD /api/documents/nonexistent/file"));
    assertEquals(404, missing.status());
    assertEquals("", missing.body());
    RawHttp.Answer wrong = RawHttp.exchange(app.port(), head("HEAD /api/reindex", "Authorization: Bearer wrong-token-000000000000"));
    assertEquals(401, wrong.status(), "HEAD checks the token as GET does");
    RawHttp.Answer none = RawHttp.exchange(app.port(), head("HEAD /api/reindex"));
    assertEquals(401, none.status());
    RawHttp.Answer file = RawHttp.exchange(app.port(), head("HEAD /api/documents/" + id + "/file"));
    RawHttp.Answer got = RawHttp.exchange(app.port(), head("GET /api/documents/" + id + "/file"));
    assertEquals(200, file.status());
    assertEquals("", file.body(), "no body after the head");
    for (String h : List.of("Content-Type", "Content-Disposition", "Content-Security-Policy", "X-Content-Type-Options")) {
      assertNotNull(file.header(h), h);
      assertEquals(got.header(h), file.header(h), h);
    }
    assertEquals("sandbox", file.header("Content-Security-Policy"));
    RawHttp.Answer search = RawHttp.exchange(app.port(), head("HEAD /api/search?q=%E4%BB%A3%E8%A1%A8"));
    assertEquals(200, search.status());
    assertTrue(search.header("Content-Type").startsWith("application/json"), search.headers().toString());
    assertEquals("", search.body());
    assertEquals(400, RawHttp.exchange(app.port(), head("HEAD /api/documents/" + id + "/similar?size=0")).status());
    assertEquals(404, RawHttp.exchange(app.port(), head("HEAD /api/no-such-route")).status());
  }

  @Test
  void uploadedScriptsAndStylesAreServedForDownloadOnly() throws Exception {
    String js = upload("evil.js", "document.body.innerHTML = '代表大会脚本测试';\n");
    String css = upload("evil.css", "body { background: url(/api/documents); } /* 代表大会样式测试 */\n");
    String txt = upload("plain.txt", "普通文本文件。");
    for (String id : List.of(js, css)) {
      for (String method : List.of("GET", "HEAD")) {
        RawHttp.Answer a = RawHttp.exchange(app.port(), head(method + " /api/documents/" + id + "/file"));
        assertEquals(200, a.status());
        assertEquals("application/octet-stream", a.header("Content-Type"), method + " " + a.headers());
        assertTrue(a.header("Content-Disposition").startsWith("attachment;"), a.headers().toString());
        assertEquals("nosniff", a.header("X-Content-Type-Options"));
      }
    }
    RawHttp.Answer text = RawHttp.exchange(app.port(), head("GET /api/documents/" + txt + "/file"));
    assertTrue(text.header("Content-Type").startsWith("text/plain"), text.headers().toString());
    assertTrue(text.header("Content-Disposition").startsWith("inline;"), text.headers().toString());
  }

  @Test
  void aLongNameNeverShortensIntoASidecarName() throws Exception {
    String name = "A".repeat(170) + ".metaBBBBBBBBBB.json";
    AdminHttp.Answer a = admin.upload(new AdminHttp.Form().file(name, "text/plain", "侧车文件名测试。".getBytes(StandardCharsets.UTF_8)));
    assertEquals(201, a.status(), a.text());
    String path = a.json().get("path").asText();
    assertFalse(path.endsWith(".meta.json"), path);
    assertTrue(path.getBytes(StandardCharsets.UTF_8).length <= 17 + 180, path);
    String id = a.json().get("id").asText();
    try (var files = Files.list(data.resolve(id))) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".meta.json")), "no stored file is read as a sidecar");
    }
    assertEquals(1, admin.total("侧车文件名测试"));
  }

  @Test
  void aRawHttp2PrefaceGetsAnExplainedAnswerWithTheSecurityHeaders() throws Exception {
    RawHttp.Answer a = RawHttp.exchange(app.port(), "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    assertEquals(426, a.status());
    assertTrue(JSON.readTree(a.body()).get("error").asText().contains("HTTP/1.1"), a.body());
    assertEquals("nosniff", a.header("X-Content-Type-Options"));
    assertEquals(App.CONTENT_SECURITY_POLICY, a.header("Content-Security-Policy"));
  }

  static byte[] zipOf(String name, String content) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
      zip.putNextEntry(new java.util.zip.ZipEntry(name));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void aParsersInternalMessageNeverReachesTheUploader() throws Exception {
    // an EPUB without its package file, and a docx without its main part: Tika and POI fail with
    // TIKA-198: Illegal IOException from org.apache.tika.parser.epub.EpubParser@…, and an
    // IllegalArgumentException
    for (var file : List.of(java.util.Map.entry("book.epub", zipOf("mimetype", "application/epub+zip")),
        java.util.Map.entry("empty.docx", zipOf("[Content_Types].xml", "<Types/>")))) {
      AdminHttp.Answer a = admin.upload(new AdminHttp.Form().file(file.getKey(), "application/octet-stream", file.getValue()));
      assertEquals(422, a.status(), a.text());
      String error = a.json().get("error").asText();
      assertTrue(error.startsWith("the file was not added: "), error);
      assertFalse(error.matches("(?s).*(TIKA-\\d|org\\.apache|java\\.|Exception|@[0-9a-f]{5}|Cannot invoke).*"), error);
    }
  }

  @Test
  void anOverLongPartHeaderIsNotCalledAnOverLargeFile() throws Exception {
    String name = "长".repeat(10_000) + ".txt";
    AdminHttp.Answer a = admin.upload(new AdminHttp.Form().file(name, "text/plain", "x".getBytes(StandardCharsets.UTF_8)));
    assertEquals(400, a.status(), a.text());
    String error = a.json().get("error").asText();
    assertTrue(error.contains("file name") && !error.contains("upload limit"), error);
    assertEquals("close", a.header("Connection"));
  }
}
