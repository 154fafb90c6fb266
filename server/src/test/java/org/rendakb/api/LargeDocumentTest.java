package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.ServerConfig;
import org.rendakb.admin.AdminConfig;
import org.rendakb.search.DocumentText;

/**
 * One very large document (the seeds' sentences repeated to {@link #CHARS} characters) beside the
 * seeds, over real HTTP: its JSON carries the first part of the text and its length, the rest comes
 * in pages that add up to the whole; 8 parallel anonymous {@code /similar?size=50} on it are
 * measured against the same on a seed; and the server-wide bound queues expensive requests, then
 * answers 503 with Retry-After.
 */
class LargeDocumentTest {
  static final int CHARS = 3_000_000;
  static final String MARK = "超大文件测试标记";
  static final int PARALLEL = 8;

  @TempDir static Path tmp;
  static Path index;
  static Javalin app;
  static Http http;
  static String big;
  static String small;

  @BeforeAll
  static void start() throws Exception {
    Path seeds = TestCorpus.seeds(tmp.resolve("seeds"));
    StringBuilder text = new StringBuilder(MARK).append("。\n\n");
    List<String> sentences = new ArrayList<>();
    try (Stream<Path> files = Files.list(seeds)) {
      for (Path f : files.sorted().toList()) {
        for (String s : Files.readString(f, StandardCharsets.UTF_8).split("(?<=[。；])")) {
          if (s.strip().length() > 5) {
            sentences.add(s.strip());
          }
        }
      }
    }
    for (int i = 0; text.length() < CHARS; i++) {
      text.append(sentences.get(i % sentences.size())).append(i % 7 == 6 ? "\n\n" : "");
    }
    Files.writeString(seeds.resolve("zz-large.txt"), text, StandardCharsets.UTF_8);
    index = tmp.resolve("index");
    TestCorpus.index(index, List.of(seeds));
    app = server(RequestLimits.defaults());
    http = new Http(app.port());
    big = http.json("/api/search", "q", MARK).get("hits").get(0).get("id").asText();
    small = http.json("/api/search", "q", "代表").get("hits").get(0).get("id").asText();
  }

  static Javalin server(RequestLimits limits) throws Exception {
    return ServerFixture.serve(new ServerConfig(index, "127.0.0.1", 0, List.of(), null, AdminConfig.off(index), limits));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void theDocumentCarriesTheFirstPartAndTheRestComesInPages() throws Exception {
    Http.Answer doc = http.get("/api/documents/" + big);
    assertEquals(200, doc.status());
    JsonNode d = doc.json();
    int total = d.get("text_length").asInt();
    assertTrue(total >= CHARS - 1_000, "text_length " + total);
    assertEquals(DocumentText.DEFAULT_LENGTH, d.get("text").asText().length());
    assertTrue(doc.body().length < 400_000, "the document JSON is " + doc.body().length + " bytes");
    StringBuilder whole = new StringBuilder(d.get("text").asText());
    int pages = 0;
    long largestPage = 0;
    while (whole.length() < total) {
      Http.Answer page = http.get("/api/documents/" + big + "/text", "offset", String.valueOf(whole.length()),
          "length", String.valueOf(DocumentText.MAX_LENGTH));
      assertEquals(200, page.status(), page.text());
      JsonNode p = page.json();
      assertEquals(whole.length(), p.get("offset").asInt());
      assertEquals(total, p.get("total").asInt());
      assertTrue(!p.get("text").asText().isEmpty());
      whole.append(p.get("text").asText());
      largestPage = Math.max(largestPage, page.body().length);
      pages++;
    }
    assertEquals(total, whole.length());
    assertTrue(whole.toString().startsWith(MARK));
    assertTrue(largestPage < 700_000, "a page is " + largestPage + " bytes");
    System.out.printf("LargeDocumentTest: %,d chars: document JSON %,d bytes, then %d pages of at most %,d bytes%n",
        total, doc.body().length, pages, largestPage);
    JsonNode past = http.json("/api/documents/" + big + "/text", "offset", String.valueOf(total + 10));
    assertEquals("", past.get("text").asText());
    JsonNode smallDoc = http.json("/api/documents/" + small);
    assertEquals(smallDoc.get("text_length").asInt(), smallDoc.get("text").asText().length(), "a small text comes whole");
    for (String[] bad : List.of(new String[] {"offset", "-1"}, new String[] {"length", "0"},
        new String[] {"length", String.valueOf(DocumentText.MAX_LENGTH + 1)}, new String[] {"offset", "x"})) {
      Http.Answer a = http.get("/api/documents/" + big + "/text", bad);
      assertEquals(400, a.status(), String.join("=", bad) + ": " + a.text());
      assertTrue(a.json().get("error").asText().contains(bad[0]), a.text());
    }
    assertEquals(404, http.get("/api/documents/nope/text").status());
  }

  @Test
  void parallelSimilarOnTheLargeDocumentStayWithinBounds() throws Exception {
    http.json("/api/documents/" + small + "/similar", "size", "50");
    http.json("/api/documents/" + big + "/similar", "size", "50");
    long[] smallMillis = new long[1];
    long smallGrowth = LyingZipUploadTest.peakGrowth(() -> smallMillis[0] = parallelSimilar(http, small));
    long[] bigMillis = new long[1];
    long bigGrowth = LyingZipUploadTest.peakGrowth(() -> bigMillis[0] = parallelSimilar(http, big));
    System.out.printf("LargeDocumentTest: %d parallel /similar?size=50: on the %,d-char document the slowest took %,d ms "
        + "and the heap peak grew %,d MB; on a seed %,d ms and %,d MB (ratio %.1f)%n", PARALLEL, CHARS, bigMillis[0],
        bigGrowth >> 20, smallMillis[0], smallGrowth >> 20, (double) bigMillis[0] / Math.max(1, smallMillis[0]));
    assertTrue(bigGrowth < 512L << 20, "the heap grew " + (bigGrowth >> 20) + " MB");
  }

  /** The slowest of {@link #PARALLEL} simultaneous similar requests, each expected to answer 200. */
  static long parallelSimilar(Http client, String id) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    long slowest = 0;
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<long[]>> answers = new ArrayList<>();
      for (int i = 0; i < PARALLEL; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          long start = System.nanoTime();
          int status = client.get("/api/documents/" + id + "/similar", "size", "50").status();
          return new long[] {status, (System.nanoTime() - start) / 1_000_000};
        }));
      }
      go.countDown();
      for (Future<long[]> f : answers) {
        long[] r = f.get(120, TimeUnit.SECONDS);
        statuses.add((int) r[0]);
        slowest = Math.max(slowest, r[1]);
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
    return slowest;
  }

  /**
   * The routes added after the bound (the page's exports and counts, marks, the drafting tools) are
   * under it too: on a server with one permit and no queue, each is sent 8 times at once beside 8
   * similar requests on the large document, and some of its answers are 503 (an unbounded route
   * would answer every one).
   */
  @Test
  void exportsMarksAndDraftingToolsAreUnderTheSameBound() throws Exception {
    Javalin refusing = server(new RequestLimits(1, 0, Duration.ofSeconds(60)));
    try {
      AdminHttp client = new AdminHttp(refusing.port(), null);
      String q = java.net.URLEncoder.encode("代表", StandardCharsets.UTF_8);
      for (String path : List.of("/api/documents/" + big + "/marks?q=" + q,
          "/api/documents/" + big + "/new-phrases?against=" + small, "/api/compare?a=" + small + "&b=" + big,
          "/api/compare.docx?a=" + small + "&b=" + big, "/api/search.csv?q=" + q, "/api/search.xlsx?q=" + q,
          "/api/stats?rows=year&cols=type", "/api/stats.csv?rows=year&cols=type", "/api/stats.xlsx?rows=year&cols=type")) {
        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2 * PARALLEL);
        try {
          CountDownLatch go = new CountDownLatch(1);
          List<Future<AdminHttp.Answer>> probes = new ArrayList<>();
          for (int i = 0; i < PARALLEL; i++) {
            pool.submit(() -> {
              go.await();
              return client.get("/api/documents/" + big + "/similar", "size", "50");
            });
            probes.add(pool.submit(() -> {
              go.await();
              return client.get(path);
            }));
          }
          go.countDown();
          for (Future<AdminHttp.Answer> f : probes) {
            AdminHttp.Answer a = f.get(120, TimeUnit.SECONDS);
            statuses.add(a.status());
            if (a.status() == 503) {
              assertEquals("2", a.header("Retry-After"), path);
            }
          }
        } finally {
          pool.shutdownNow();
        }
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 503), path + " " + statuses);
        assertTrue(statuses.contains(503), path + " is not bounded: " + statuses);
      }
    } finally {
      refusing.stop();
    }
  }

  @Test
  void expensiveRequestsBeyondTheBoundWaitThenGet503WithRetryAfter() throws Exception {
    Javalin queueing = server(new RequestLimits(1, 16, Duration.ofSeconds(60)));
    Javalin refusing = server(new RequestLimits(1, 0, Duration.ofSeconds(60)));
    try {
      parallelSimilar(new Http(queueing.port()), big);
      AdminHttp client = new AdminHttp(refusing.port(), null);
      List<AdminHttp.Answer> answers = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AdminHttp.Answer>> futures = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
          futures.add(pool.submit(() -> {
            go.await();
            return client.get("/api/documents/" + big + "/similar", "size", "50");
          }));
        }
        go.countDown();
        for (Future<AdminHttp.Answer> f : futures) {
          answers.add(f.get(120, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }
      List<Integer> statuses = answers.stream().map(AdminHttp.Answer::status).toList();
      assertTrue(statuses.contains(200) && statuses.contains(503), statuses.toString());
      for (AdminHttp.Answer a : answers) {
        assertTrue(a.status() == 200 || a.status() == 503, statuses.toString());
        if (a.status() == 503) {
          assertTrue(a.json().get("error").asText().contains("busy"), a.text());
          assertEquals("2", a.header("Retry-After"));
        }
      }
      assertEquals(200, client.get("/api/health").status(), "cheap requests are not bounded");
      assertEquals(200, client.get("/api/search", "q", "代表").status(), "the permits are given back");
    } finally {
      queueing.stop();
      refusing.stop();
    }
  }
}
