package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendakb.admin.FailureThrottle;
import org.rendakb.schema.IndexSchema;

/**
 * Changing the index over HTTP on a real seeds index: uploads (real fixture files parsed by real
 * Tika), the original-file endpoint, deletes with their passages, refusals (401, 403, 409, 413,
 * 422), file names that try to leave the data folder, and the headers every answer carries.
 */
class AdminApiTest {
  static final String TOKEN = "test-admin-token-0123456789abcdef";
  static final long LIMIT = 2L << 20;
  static final String LAW_SENTENCE = "烟叶税的计税依据为纳税人收购烟叶实际支付的价款总额";

  // failures are not throttled here (AdminThrottleTest does that), so 401 tests cannot lock the others out
  @RegisterExtension static final ServerFixture server = ServerFixture.seeds()
      .admin(TOKEN, LIMIT, new FailureThrottle.Settings(1_000, Duration.ofSeconds(1), Duration.ofSeconds(1),
          Duration.ofMinutes(1), 100))
      .build();
  static Path tmp;
  static Path seeds;
  static Path index;
  static Path data;
  static AdminHttp admin;
  static AdminHttp anonymous;

  static Path fixture(String name) {
    return Path.of(System.getProperty("rendakb.fixtures", "../indexer/src/test/resources/fixtures"), name);
  }

  @BeforeAll
  static void start() {
    tmp = server.dir();
    seeds = server.input("seeds");
    index = server.index();
    data = tmp.resolve("uploads");
    admin = new AdminHttp(server.port(), TOKEN);
    anonymous = new AdminHttp(server.port(), null);
  }

  static JsonNode uploaded(AdminHttp.Answer a) throws IOException {
    assertEquals(201, a.status(), a.text());
    return a.json();
  }

  long documents() throws Exception {
    return admin.get("/api/health").json().get("documents").asLong();
  }

  /** The data folder's entries other than the multipart spool: one folder per stored upload. */
  static List<String> stored() throws IOException {
    try (Stream<Path> s = Files.list(data)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  @Test
  void anUploadedDocxIsSearchableAtOnceServedBackAndDeletedWithItsPassages() throws Exception {
    byte[] docx = Files.readAllBytes(fixture("tobacco-tax-law.docx"));
    long before = documents();
    assertEquals(0, admin.total("\"烟叶税的计税依据\""));

    // the client's content type is a lie; Tika reads the bytes
    JsonNode added = uploaded(admin.upload(new AdminHttp.Form().file("烟叶税法.docx", "text/plain", docx)));
    String id = added.get("id").asText();
    assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", added.get("content_type").asText());
    assertEquals("中华人民共和国烟叶税法", added.get("title").asText());
    assertEquals(id + "/烟叶税法.docx", added.get("path").asText());

    // no waiting: the answer comes after the server's searcher has been refreshed
    assertEquals(List.of(id), admin.ids("\"烟叶税的计税依据\""));
    assertEquals(before + 1, documents());
    try (FSDirectory dir = FSDirectory.open(index)) {
      assertEquals(String.valueOf(IndexSchema.VERSION),
          SegmentInfos.readLatestCommit(dir).getUserData().get(IndexSchema.COMMIT_SCHEMA_VERSION),
          "the upload's commit carries the schema version, so the indexer and the server keep accepting the index");
    }
    JsonNode precedents = admin.get("/api/precedents", "q", LAW_SENTENCE).json();
    assertEquals(id, precedents.get("hits").get(0).get("doc_id").asText());

    AdminHttp.Answer file = anonymous.get("/api/documents/" + id + "/file");
    assertEquals(200, file.status());
    assertArrayEquals(docx, file.body());
    assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.header("Content-Type"));
    assertTrue(Files.isRegularFile(data.resolve(id).resolve("烟叶税法.docx")));

    AdminHttp.Answer deleted = admin.delete(id);
    assertEquals(204, deleted.status(), deleted.text());
    assertEquals(0, admin.total("\"烟叶税的计税依据\""));
    assertEquals(before, documents());
    for (JsonNode hit : admin.get("/api/precedents", "q", LAW_SENTENCE).json().get("hits")) {
      assertFalse(hit.get("doc_id").asText().equals(id), "a passage of the deleted document is still found");
    }
    assertEquals(404, anonymous.get("/api/documents/" + id).status());
    assertEquals(404, anonymous.get("/api/documents/" + id + "/file").status());
    assertFalse(Files.exists(data.resolve(id)), "the stored original is removed with the document");
    assertEquals(404, admin.delete(id).status());
    assertEquals(404, admin.delete("no-such-document").status());
  }

  @Test
  void formFieldsOverrideWhatIsReadLikeASidecar() throws Exception {
    byte[] pdf = Files.readAllBytes(fixture("tobacco-tax-law.pdf"));
    // a PDF named and declared as plain text is still read, stored and served as a PDF
    JsonNode added = uploaded(admin.upload(new AdminHttp.Form().file("notes.txt", "text/html", pdf)
        .field("title", "烟叶税法（上传副本）").field("type", "讲话").field("date", "2024-05-06")
        .field("body", "测试市人民代表大会常务委员会").field("laws", "中华人民共和国税收征收管理法")));
    String id = added.get("id").asText();
    assertEquals("application/pdf", added.get("content_type").asText());
    JsonNode doc = anonymous.get("/api/documents/" + id).json();
    assertEquals("烟叶税法（上传副本）", doc.get("title").asText());
    assertEquals("讲话", doc.get("type").asText());
    assertEquals("2024-05-06", doc.get("date").asText());
    assertEquals(2024, doc.get("year").asInt());
    assertEquals("测试市人民代表大会常务委员会", doc.get("body").asText());
    assertEquals("[\"中华人民共和国税收征收管理法\"]", doc.get("laws").toString());
    assertTrue(doc.get("passages").asInt() > 5);
    assertEquals("application/pdf", anonymous.get("/api/documents/" + id + "/file").header("Content-Type"));
    assertTrue(Files.isRegularFile(data.resolve(id).resolve("notes.txt.meta.json")), "the metadata is kept beside the original");
    assertEquals(List.of(id), admin.ids("title:上传副本"));
    assertEquals(204, admin.delete(id).status());
  }

  @Test
  void badMetadataFieldsAre400AndStoreNothing() throws Exception {
    byte[] txt = Files.readAllBytes(fixture("tobacco-tax-law.txt"));
    List<String> before = stored();
    for (String[] field : List.of(new String[] {"date", "2024-13-01"}, new String[] {"type", "散文"},
        new String[] {"year", "二〇二四"}, new String[] {"colour", "red"})) {
      AdminHttp.Answer a = admin.upload(new AdminHttp.Form().file("law.txt", "text/plain", txt).field(field[0], field[1]));
      assertEquals(400, a.status(), a.text());
      assertTrue(a.json().get("error").asText().contains(field[0]), a.text());
    }
    assertEquals(400, admin.upload(new AdminHttp.Form().field("title", "no file")).status());
    assertEquals(400, admin.send("POST", "/api/documents", "Content-Type", "text/plain").status());
    assertEquals(before, stored());
  }

  @Test
  void badFilesAre422WithTheReasonAndLeaveTheIndexUntouched() throws Exception {
    long before = documents();
    List<String> storedBefore = stored();
    byte[] pdf = Files.readAllBytes(fixture("tobacco-tax-law.pdf"));
    assertReason("empty.docx", new byte[0], "empty file");
    assertReason("broken.pdf", Arrays.copyOf(pdf, 600), "corrupt or truncated file");
    assertReason("locked.pdf", encrypted(pdf), "encrypted (password-protected) document");
    assertReason("bomb.docx", zipBomb(), "zip bomb");
    byte[] junk = new byte[50_000];
    new java.util.Random(7).nextBytes(junk);
    assertReason("junk.bin", junk, "unsupported or binary file");
    assertEquals(before, documents());
    assertEquals(storedBefore, stored(), "nothing of a refused file stays in the data folder");
  }

  private static void assertReason(String name, byte[] content, String reason) throws Exception {
    AdminHttp.Answer a = admin.upload(new AdminHttp.Form().file(name, "application/octet-stream", content));
    assertEquals(422, a.status(), name + ": " + a.text());
    String error = a.json().get("error").asText();
    assertTrue(error.startsWith("the file was not added: " + reason), name + ": " + error);
    assertFalse(error.contains("Exception") && error.contains("\tat "), "no stack trace");
  }

  private static byte[] encrypted(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A docx-looking zip whose one entry inflates from about 20 KB to 20 MB. */
  private static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 20; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  @Test
  void anUploadOverTheLimitIs413WhetherAnnouncedOrNot() throws Exception {
    long before = documents();
    List<String> storedBefore = stored();
    byte[] tooBig = new byte[(int) LIMIT + 1];
    Arrays.fill(tooBig, (byte) 'a');
    byte[] muchTooBig = new byte[(int) LIMIT * 3 / 2 + 1];
    byte[] farTooBig = new byte[(int) LIMIT * 10];
    for (AdminHttp.Answer a : List.of(
        admin.upload(new AdminHttp.Form().file("big.txt", "text/plain", tooBig)),
        admin.upload(new AdminHttp.Form().file("huge.txt", "text/plain", muchTooBig)),
        admin.uploadExpectingContinue(new AdminHttp.Form().file("huge.txt", "text/plain", farTooBig)),
        admin.uploadChunked(new AdminHttp.Form().file("big.txt", "text/plain", tooBig)),
        admin.uploadChunked(new AdminHttp.Form().file("huge.txt", "text/plain", muchTooBig)))) {
      assertEquals(413, a.status(), a.text());
      assertEquals("the file is larger than the upload limit of 2 MB (the server's --max-upload-mb)", a.json().get("error").asText());
    }
    assertEquals(before, documents());
    assertEquals(storedBefore, stored());
    try (Stream<Path> s = Files.list(data.resolve(".incoming"))) {
      assertEquals(List.of(), s.toList(), "the multipart spool is cleaned up");
    }
    // exactly at the limit is fine: a real text padded with blank lines
    byte[] text = Files.readAllBytes(fixture("central-bank-immunity.txt"));
    byte[] atLimit = Arrays.copyOf(text, (int) LIMIT);
    Arrays.fill(atLimit, text.length, atLimit.length, (byte) '\n');
    String id = uploaded(admin.upload(new AdminHttp.Form().file("limit.txt", "text/plain", atLimit))).get("id").asText();
    assertEquals(204, admin.delete(id).status());
  }

  @Test
  void withoutTheRightTokenNothingChangesAnd401GivesNoHint() throws Exception {
    long before = documents();
    byte[] txt = Files.readAllBytes(fixture("tobacco-tax-law.txt"));
    String seedId = admin.ids("\"人大\"").getFirst();
    String wrong = TOKEN.substring(0, TOKEN.length() - 1) + "g";
    for (AdminHttp client : List.of(anonymous, admin.withToken(wrong), admin.withToken(TOKEN.substring(0, 20)),
        admin.withToken(TOKEN + TOKEN))) {
      for (AdminHttp.Answer a : List.of(client.upload(new AdminHttp.Form().file("law.txt", "text/plain", txt)),
          client.delete(seedId), client.post("/api/reindex"), client.get("/api/reindex"))) {
        assertEquals(401, a.status(), a.text());
        assertEquals("this needs a valid admin token: Authorization: Bearer TOKEN", a.json().get("error").asText());
        assertFalse(a.text().contains(TOKEN.substring(0, 8)));
        assertEquals("Bearer realm=\"rendakb admin\"", a.header("WWW-Authenticate"));
      }
    }
    assertEquals(401, anonymous.send("DELETE", "/api/documents/" + seedId, "Authorization", "Basic " + TOKEN).status());
    assertEquals(401, anonymous.send("DELETE", "/api/documents/" + seedId, "Authorization", TOKEN).status());
    assertEquals(before, documents());
    assertEquals(200, anonymous.get("/api/documents/" + seedId).status());
  }

  @Test
  void whenTheIndexerHoldsTheIndexAnUploadIs409AndNothingIsKept() throws Exception {
    byte[] txt = Files.readAllBytes(fixture("central-bank-immunity.txt"));
    List<String> storedBefore = stored();
    try (FSDirectory dir = FSDirectory.open(index); IndexWriter indexer = new IndexWriter(dir, new IndexWriterConfig())) {
      AdminHttp.Answer a = admin.upload(new AdminHttp.Form().file("bank.txt", "text/plain", txt));
      assertEquals(409, a.status(), a.text());
      assertTrue(a.json().get("error").asText().contains("indexer run"), a.text());
      assertEquals(storedBefore, stored());
      assertEquals(409, admin.delete(admin.ids("\"人大\"").getFirst()).status());
      indexer.rollback();
    }
    String id = uploaded(admin.upload(new AdminHttp.Form().file("bank.txt", "text/plain", txt))).get("id").asText();
    assertEquals(List.of(id), admin.ids("\"外国中央银行财产\""));
    assertEquals(204, admin.delete(id).status());
  }

  @Test
  void fileNamesStayInsideTheDataFolder() throws Exception {
    byte[] txt = Files.readAllBytes(fixture("central-bank-immunity.txt"));
    record Case(String sent, String stored) {}
    for (Case c : List.of(
        new Case("../../etc/passwd", "passwd"),
        new Case("..\\..\\windows\\win.ini", "win.ini"),
        new Case("..", "upload"),
        new Case(".hidden.txt", "hidden.txt"),
        new Case("/abs/报告 (终稿).txt", "报告 (终稿).txt"),
        new Case("evil\u202Etxt.exe", "evil_txt.exe"),
        new Case("x.meta.json", "x-meta.json"))) {
      AdminHttp.Answer a = admin.upload(new AdminHttp.Form().file(c.sent(), "text/plain", txt));
      assertEquals(201, a.status(), c.sent() + ": " + a.text());
      String id = a.json().get("id").asText();
      assertEquals(id + "/" + c.stored(), a.json().get("path").asText(), c.sent());
      Path file = data.resolve(id).resolve(c.stored());
      assertTrue(Files.isRegularFile(file), c.sent());
      assertTrue(file.toRealPath().startsWith(data.toRealPath()));
      assertArrayEquals(txt, anonymous.get("/api/documents/" + id + "/file").body());
      assertEquals(204, admin.delete(id).status());
    }
    // a NUL (or any control byte) in the multipart headers is refused by Jetty before the name reaches us;
    // FileNamesTest covers those that could arrive encoded
    List<String> before = stored();
    AdminHttp.Answer nul = admin.upload(new AdminHttp.Form().file("a\u0000b.txt", "text/plain", txt));
    assertEquals(400, nul.status(), nul.text());
    assertEquals("close", nul.header("Connection"), "the client is told the connection ends with this answer");
    assertTrue(nul.json().get("error").asText().startsWith("the multipart form could not be read"), nul.text());
    assertEquals(before, stored());
    // sent percent-encoded, the NUL and a path reach the server, and are taken out there
    AdminHttp.Answer encoded = admin.upload(new AdminHttp.Form().fileEncoded("..%2F..%2Fa%00b.txt", "text/plain", txt));
    assertEquals(201, encoded.status(), encoded.text());
    String id = encoded.json().get("id").asText();
    assertEquals(id + "/a_b.txt", encoded.json().get("path").asText());
    assertTrue(Files.isRegularFile(data.resolve(id).resolve("a_b.txt")));
    assertEquals(204, admin.delete(id).status());
    assertFalse(Files.exists(tmp.resolve("etc")));
    try (Stream<Path> s = Files.walk(tmp)) {
      assertEquals(List.of(), s.filter(p -> p.getFileName().toString().equals("passwd")).toList());
    }
  }

  @Test
  void corsStaysOffAndSecurityHeadersAreOnTheAdminAnswers() throws Exception {
    byte[] txt = Files.readAllBytes(fixture("central-bank-immunity.txt"));
    String origin = "http://evil.example";
    List<AdminHttp.Answer> answers = List.of(
        anonymous.send("OPTIONS", "/api/documents", "Origin", origin, "Access-Control-Request-Method", "POST",
            "Access-Control-Request-Headers", "authorization"),
        anonymous.send("OPTIONS", "/api/search", "Origin", origin, "Access-Control-Request-Method", "GET"),
        anonymous.send("GET", "/api/search?q=%E4%BA%BA%E5%A4%A7", "Origin", origin),
        anonymous.send("POST", "/api/reindex", "Origin", origin),
        admin.send("GET", "/api/reindex", "Origin", origin),
        admin.upload(new AdminHttp.Form().file("big.txt", "text/plain", new byte[(int) LIMIT * 2])));
    for (AdminHttp.Answer a : answers) {
      assertNull(a.header("Access-Control-Allow-Origin"), "no CORS on " + a.status());
      assertNull(a.header("Access-Control-Allow-Credentials"));
      assertNotNull(a.header("Content-Security-Policy"), "CSP on " + a.status());
      assertFalse(a.header("Content-Security-Policy").contains("unsafe-inline"));
      assertEquals("nosniff", a.header("X-Content-Type-Options"));
      assertEquals("no-referrer", a.header("Referrer-Policy"));
    }
    AdminHttp.Answer added = admin.send("POST", "/api/documents", "Origin", origin);
    assertNull(added.header("Access-Control-Allow-Origin"));
    AdminHttp.Answer ok = admin.upload(new AdminHttp.Form().file("bank.txt", "text/plain", txt));
    assertEquals(201, ok.status());
    assertEquals("/api/documents/" + ok.json().get("id").asText(), ok.header("Location"));
    assertEquals("nosniff", ok.header("X-Content-Type-Options"));
    assertNotNull(ok.header("Content-Security-Policy"));
    assertEquals(204, admin.delete(ok.json().get("id").asText()).status());
  }
}
