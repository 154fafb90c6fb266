package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile requests through real HTTP, sent byte for byte over a socket (so that malformed
 * percent-encoding reaches the server as written): every one is answered, within the socket's
 * timeout, with 200 or a 4xx in the API's JSON error shape, never a 500, and no request thread
 * stays busy afterwards.
 */
class HostileRequestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SOCKET_TIMEOUT_MILLIS = 20_000;

  @RegisterExtension static final ServerFixture server = ServerFixture.seeds().build();
  static final AtomicInteger requests = new AtomicInteger();

  @AfterAll
  static void stop() {
    System.out.println("HostileRequestsTest: " + requests.get() + " hostile requests answered");
  }

  record Answer(int status, String contentType, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  /** One GET with the request target exactly as given (no client-side encoding or checks). */
  static Answer get(String target) throws IOException {
    return get(target, "");
  }

  /** The same with extra header lines, each ending in CRLF. */
  static Answer get(String target, String headers) throws IOException {
    requests.incrementAndGet();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
      s.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] raw = readAll(s.getInputStream());
      String response = new String(raw, StandardCharsets.UTF_8);
      int headEnd = response.indexOf("\r\n\r\n");
      String head = headEnd < 0 ? response : response.substring(0, headEnd);
      String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
      int status = Integer.parseInt(head.substring(9, 12));
      String type = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
          .map(l -> l.substring(13).strip()).findFirst().orElse("");
      if (head.toLowerCase().contains("transfer-encoding: chunked")) {
        body = unchunk(body);
      }
      return new Answer(status, type, body);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    in.transferTo(b);
    return b.toByteArray();
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      int eol = body.indexOf("\r\n", i);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(i, eol).strip(), 16);
      if (size == 0) {
        break;
      }
      // sizes count bytes; the bodies here are ASCII-escaped JSON or short UTF-8, so count via bytes
      byte[] rest = body.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
      String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
      out.append(chunk);
      i = eol + 2 + chunk.length() + 2;
    }
    return out.toString();
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** 200 with JSON, or a 4xx whose JSON says something; never a 5xx, never an HTML error page. */
  static Answer answered(String target) throws IOException {
    Answer a = get(target);
    String shown = target.length() > 120 ? target.substring(0, 120) + "…" : target;
    assertTrue(a.status() < 500, shown + " → " + a.status() + " " + a.body());
    assertTrue(a.contentType().startsWith("application/json"), shown + " → " + a.status() + " " + a.contentType() + " " + a.body());
    if (a.status() >= 400) {
      String error = a.json().get("error").asText();
      assertFalse(error.isBlank(), shown);
      assertFalse(error.contains("Exception") || error.contains("\tat "), "no stack trace: " + error);
    }
    return a;
  }

  static void assertStatus(int expected, String target) throws IOException {
    Answer a = answered(target);
    assertEquals(expected, a.status(), target.length() > 120 ? target.substring(0, 120) : target);
  }

  static long total(String target) throws IOException {
    Answer a = answered(target);
    assertEquals(200, a.status(), target);
    return a.json().get("total").asLong();
  }

  static String orTerms(int n) {
    return IntStream.range(0, n).mapToObj(i -> "" + (char) ('a' + i % 26)).collect(Collectors.joining(" OR "));
  }

  @Test
  void longQueriesAreCutOrRefusedWithAMessage() throws Exception {
    JsonNode q = answered("/api/search?q=" + enc("代表".repeat(150))).json().get("query");
    assertTrue(q.get("truncated").asBoolean(), q.toString());
    assertStatus(413, "/api/search?q=" + enc("a".repeat(5_000)));
    // 5,000 OR terms do not fit in a URL: refused by Jetty, in JSON
    String thousands = IntStream.range(0, 5_000).mapToObj(i -> "t" + i).collect(Collectors.joining(" OR "));
    Answer tooLong = answered("/api/search?q=" + enc(thousands));
    assertEquals(414, tooLong.status());
    assertTrue(tooLong.json().get("error").asText().contains("too long"), tooLong.body());
    // 700 OR terms fit: cut at the parser's limits and said so, not a BooleanQuery of 700 clauses
    JsonNode many = answered("/api/search?q=" + enc(orTerms(700))).json().get("query");
    assertTrue(many.get("truncated").asBoolean(), many.toString());
    int used = 0;
    for (JsonNode group : many.get("all")) {
      used += group.size();
    }
    assertTrue(used <= org.rendakb.search.query.StaffQueryParser.MAX_TERMS, many.toString());
    assertTrue(many.get("ignored").size() > 0, many.toString());
  }

  @Test
  void wildcardRegexAndFuzzySyntaxIsPlainText() throws Exception {
    long all = total("/api/search");
    for (String q : List.of("*", "?", "~", "title:*", "*:*", "/.*/", "**??~~")) {
      JsonNode r = answered("/api/search?q=" + enc(q)).json();
      assertEquals(all, r.get("total").asLong(), q + " has nothing to search: it lists everything");
      assertTrue(r.get("query").get("browse").asBoolean(), q);
    }
    // the syntax characters are not operators: 代表* finds what 代表 finds, not every word starting 代表
    assertEquals(total("/api/search?q=" + enc("代表")), total("/api/search?q=" + enc("代表*")));
    for (String q : List.of("代表~2", "/re/", "人大?", "te?t", "title:/.*/", "a* b? c~", "[a TO z]", "{!lucene}x", "\\")) {
      answered("/api/search?q=" + enc(q));
    }
  }

  @Test
  void deepNestingIsIgnoredOrRefused() throws Exception {
    assertEquals(414, answered("/api/search?q=" + enc("(".repeat(10_000) + "代表" + ")".repeat(10_000))).status());
    Answer nested = answered("/api/search?q=" + enc("(".repeat(1_900) + "代表" + ")".repeat(1_900)));
    assertEquals(200, nested.status());
    // cut at the parser's length limit before the word: brackets are not grouping, nothing nests
    assertTrue(nested.json().get("query").get("ignored").toString().contains("("));
    long plain = total("/api/search?q=" + enc("代表"));
    assertEquals(plain, total("/api/search?q=" + enc("((((((((代表))))))))")));
    assertEquals(plain, total("/api/search?q=" + enc("【【【〈〈《代表》〉〉】】】")));
  }

  @Test
  void controlCharactersSeparateWords() throws Exception {
    JsonNode q = answered("/api/search?q=a%00b").json().get("query");
    assertEquals(2, q.get("all").size(), q.toString());
    for (String raw : List.of("%00", "%01%02%1F%7F", "%1B%07", "%0D%0A%0D%0A")) {
      assertEquals(total("/api/search"), total("/api/search?q=" + raw), raw);
    }
    assertEquals(total("/api/search?q=" + enc("人大 代表")), total("/api/search?q=" + enc("人大\u0000\u0007代表")));
  }

  @Test
  void invalidUtf8InTheUrlIs400InJson() throws Exception {
    List<String> queries = List.of("%FF%FE", "%C3", "%C3%28", "%ED%A0%80", "%F4%90%80%80", "%", "%G1", "%E4%BB");
    for (String endpoint : List.of("/api/search?q=", "/api/suggest?q=", "/api/precedents?q=", "/api/laws?q=",
        "/api/search?type=", "/api/search?")) {
      for (String bad : queries) {
        Answer a = answered(endpoint + bad);
        assertEquals(400, a.status(), endpoint + bad);
        assertTrue(a.json().get("error").asText().contains("URL"), a.body());
      }
    }
    for (String path : List.of("/api/documents/%FF%FE", "/api/documents/%C3", "/api/documents/%00",
        "/api/documents/%C3/similar", "/api/laws/%FF", "/api/laws/%C3%28", "/%FF")) {
      Answer a = answered(path);
      assertEquals(400, a.status(), path);
      assertTrue(a.json().get("error").asText().contains("malformed"), a.body());
    }
  }

  @Test
  void oversizedHeadersAre431InJson() throws Exception {
    Answer a = get("/api/search?q=" + enc("代表"), "Cookie: " + "x".repeat(40_000) + "\r\n");
    assertEquals(431, a.status(), a.body());
    assertTrue(a.contentType().startsWith("application/json"), a.contentType());
    assertTrue(a.json().get("error").asText().contains("headers are too large"), a.body());
  }

  @Test
  void negativeHugeAndNonNumericPagingIs400() throws Exception {
    for (String p : List.of("page=-1", "page=0", "page=99999999999999999999", "page=1e3", "page=abc", "page=%E4%B8%80",
        "size=-5", "size=0", "size=101", "size=2147483647", "size=1.5", "page=2147483647&size=100", "page=101&size=100")) {
      assertStatus(400, "/api/search?" + p);
    }
    for (String p : List.of("size=-1", "size=0", "size=99999999999", "size=x")) {
      assertStatus(400, "/api/precedents?q=" + enc("人民代表大会") + "&" + p);
      assertStatus(400, "/api/laws?" + p);
      assertStatus(400, "/api/laws/" + enc("宪法") + "?" + p);
    }
    assertEquals(200, answered("/api/search?page=1000&size=10").status(), "the deepest page is allowed");
  }

  @Test
  void hugeRepeatedFiltersAreRefused() throws Exception {
    String hundred = IntStream.range(0, 100).mapToObj(i -> "law=" + i).collect(Collectors.joining("&"));
    assertEquals(0, total("/api/search?" + hundred));
    Answer tooMany = answered("/api/search?" + hundred + "&year=2020");
    assertEquals(400, tooMany.status());
    assertTrue(tooMany.json().get("error").asText().contains("filter values"), tooMany.body());
    assertStatus(400, "/api/search?" + IntStream.range(0, 900).mapToObj(i -> "body=" + i).collect(Collectors.joining("&")));
    assertStatus(414, "/api/search?" + IntStream.range(0, 4_000).mapToObj(i -> "type=" + i).collect(Collectors.joining("&")));
    // the same value repeated is one value
    assertEquals(200, answered("/api/search?" + "year=2020&".repeat(1_000)).status());
  }

  @Test
  void oddDocumentIdsAre404() throws Exception {
    for (String id : List.of("..", "%2e%2e", "..%2f..%2fetc%2fpasswd", "x".repeat(5_000), "%20", enc("代表"), "*", "%2A%3A%2A",
        "0", "-1", enc("\u0001"))) {
      for (String suffix : List.of("", "/file", "/similar")) {
        Answer a = answered("/api/documents/" + id + suffix);
        assertTrue(a.status() == 404 || a.status() == 400, id + suffix + " → " + a.status());
      }
    }
  }

  @Test
  void otherEndpointsTakeHostileTextCalmly() throws Exception {
    for (String q : List.of("*", "?", "~", "/.*/", "((((((", "\"\"\"", "-", "OR", "代".repeat(2_000), "a%00b")) {
      String e = q.contains("%") ? q : enc(q);
      answered("/api/suggest?q=" + e);
      answered("/api/laws?q=" + e);
      answered("/api/precedents?q=" + e);
    }
    // precedent search takes its documented 2,000 chars, even as 18 KB of percent-encoded CJK
    assertEquals(200, answered("/api/precedents?q=" + enc("人民代表大会常务委员会".repeat(181))).status());
    assertStatus(400, "/api/precedents?q=" + enc("人民代表大会常务委员会".repeat(190)));
    for (String name : List.of("*", "《", "》》》", "x".repeat(3_000), "%20", enc("《《《宪法》》》"))) {
      answered("/api/laws/" + (name.contains("%") ? name : enc(name)));
    }
  }

  @Test
  void afterAllThisNoRequestThreadIsStillBusy() throws Exception {
    for (int i = 0; i < 20; i++) {
      answered("/api/search?q=" + enc(orTerms(700)));
      answered("/api/precedents?q=" + enc("的".repeat(1_999)));
    }
    long deadline = System.currentTimeMillis() + 10_000;
    List<String> busy = busyThreads();
    while (!busy.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      busy = busyThreads();
    }
    assertEquals(List.of(), busy, "threads still working on a request");
    assertEquals(200, answered("/api/health").status());
  }

  /** Threads with our search code on their stack (a request in progress). */
  private static List<String> busyThreads() {
    List<String> busy = new ArrayList<>();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      if (e.getKey() == Thread.currentThread()) {
        continue;
      }
      for (StackTraceElement frame : e.getValue()) {
        String c = frame.getClassName();
        if (c.startsWith("org.rendakb.search.") || c.startsWith("org.rendakb.precedent.") || c.startsWith("org.rendakb.knowledge.")) {
          busy.add(e.getKey().getName() + " in " + frame);
          break;
        }
      }
    }
    return busy;
  }
}
