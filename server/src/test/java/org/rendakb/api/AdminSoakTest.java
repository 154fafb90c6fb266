package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendakb.admin.AdminConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search, upload and delete traffic together on loopback for a bounded time (20 s in the suite;
 * {@code -Drendakb.soak.seconds=N} for a long run): no answer is a 5xx, every upload is found by
 * search as soon as its 201 arrives, every delete is gone as soon as its 204 arrives, and the heap
 * used after GC, sampled with the traffic paused, never rises more than {@link #HEAP_GROWTH_MB} MB
 * above its level after warm-up. The figures go to the log and to {@code target/soak-report.md}.
 */
class AdminSoakTest {
  private static final Logger log = LoggerFactory.getLogger(AdminSoakTest.class);
  static final String TOKEN = "soak-test-token-0123456789abcdef";
  static final long SECONDS = Long.getLong("rendakb.soak.seconds", 20);
  static final int MAX_UPLOADS = Integer.getInteger("rendakb.soak.maxUploads", 100_000);
  /**
   * On a loaded machine an upload can take seconds: the run goes on past its time until this many
   * uploads are done, but never beyond three times its time.
   */
  static final int MIN_UPLOADS = 20;
  static final int SEARCHERS = 3;
  static final long HEAP_GROWTH_MB = 64;
  /** Digits written as CJK characters, so that each upload's marker is a phrase of its own bigrams. */
  static final String DIGITS = "甲乙丙丁戊己庚辛壬癸";

  @RegisterExtension static final ServerFixture server = ServerFixture.seeds()
      .admin(TOKEN, AdminConfig.DEFAULT_MAX_UPLOAD_MB << 20).build();
  static Path tmp;
  static AdminHttp admin;
  static List<String> sentences;

  @BeforeAll
  static void start() throws Exception {
    tmp = server.dir();
    Path seeds = server.input("seeds");
    admin = new AdminHttp(server.port(), TOKEN);
    sentences = new ArrayList<>();
    try (Stream<Path> s = Files.list(seeds)) {
      for (Path seed : s.sorted().toList()) {
        for (String sentence : Files.readString(seed).split("。")) {
          if (sentence.strip().length() > 15 && sentence.strip().length() < 120) {
            sentences.add(sentence.strip() + "。");
          }
        }
      }
    }
  }

  /** Counts every answer; anything but the expected status is a failure with its text kept. */
  static final class Tally {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final Map<String, String> failures = new ConcurrentHashMap<>();
    final AtomicInteger uploads = new AtomicInteger();
    final AtomicInteger deletes = new AtomicInteger();
    final AtomicInteger unsearchable = new AtomicInteger();
    final AtomicLong uploadNanos = new AtomicLong();

    AdminHttp.Answer expect(int status, String what, AdminHttp.Answer a) {
      requests.incrementAndGet();
      if (a.status() >= 500) {
        serverErrors.incrementAndGet();
      }
      if (a.status() != status) {
        failures.putIfAbsent(what + " " + a.status(), a.text());
      }
      return a;
    }
  }

  static String marker(int n) {
    StringBuilder b = new StringBuilder("浸泡标记");
    for (char c : Integer.toString(n).toCharArray()) {
      b.append(DIGITS.charAt(c - '0'));
    }
    return b.append("号").toString();
  }

  /**
   * Heap used after GC with the traffic paused: every worker holds a read lock around each request,
   * so taking the write lock waits for the requests in flight and measures the server at rest.
   */
  static long usedHeapAtRest(ReadWriteLock traffic) throws InterruptedException {
    traffic.writeLock().lock();
    try {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(200);
      }
      return memory.getHeapMemoryUsage().getUsed();
    } finally {
      traffic.writeLock().unlock();
    }
  }

  /** One request (or a request and its check) of a worker, done while the traffic is not paused. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  static void step(ReadWriteLock traffic, Step step) throws Exception {
    traffic.readLock().lock();
    try {
      step.run();
    } finally {
      traffic.readLock().unlock();
    }
  }

  @Test
  void searchUploadAndDeleteTogetherGiveNo5xxFindEveryUploadAndKeepTheHeapStable() throws Exception {
    byte[] docx = Files.readAllBytes(AdminApiTest.fixture("tobacco-tax-law.docx"));
    String seedId = admin.ids("\"人大\"").getFirst();
    Tally tally = new Tally();
    ConcurrentLinkedQueue<String> live = new ConcurrentLinkedQueue<>();
    ReadWriteLock traffic = new ReentrantReadWriteLock(true);
    long begin = System.nanoTime();
    long minimumEnd = begin + TimeUnit.SECONDS.toNanos(SECONDS);
    long hardEnd = begin + TimeUnit.SECONDS.toNanos(3 * SECONDS);
    AtomicBoolean running = new AtomicBoolean(true);

    ExecutorService pool = Executors.newFixedThreadPool(SEARCHERS + 2);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < SEARCHERS; t++) {
      Random random = new Random(t);
      workers.add(pool.submit(() -> {
        while (running.get()) {
          String sentence = sentences.get(random.nextInt(sentences.size()));
          step(traffic, () -> {
            switch (random.nextInt(6)) {
              case 0 -> tally.expect(200, "search", admin.get("/api/search", "q", sentence.substring(0, 4)));
              case 1 -> tally.expect(200, "search", admin.get("/api/search", "q", "养老服务 人大", "sort", "date_desc"));
              case 2 -> tally.expect(200, "precedents", admin.get("/api/precedents", "q", sentence));
              case 3 -> tally.expect(200, "suggest", admin.get("/api/suggest", "q", sentence.substring(0, 2)));
              case 4 -> tally.expect(200, "document", admin.get("/api/documents/" + seedId));
              default -> tally.expect(200, "similar", admin.get("/api/documents/" + seedId + "/similar"));
            }
          });
        }
        return null;
      }));
    }
    workers.add(pool.submit(() -> {
      try {
        upload(tally, live, docx, traffic, minimumEnd, hardEnd);
      } finally {
        running.set(false);
      }
      return null;
    }));
    workers.add(pool.submit(() -> {
      while (running.get()) {
        String id = live.size() > 5 ? live.poll() : null;
        if (id == null) {
          Thread.sleep(50);
          continue;
        }
        step(traffic, () -> {
          tally.expect(204, "delete", admin.delete(id));
          tally.expect(404, "deleted document", admin.get("/api/documents/" + id));
          tally.deletes.incrementAndGet();
        });
      }
      return null;
    }));

    // heap samples at rest: after warm-up, then every tenth of the run (at least every 10 s)
    Thread.sleep(TimeUnit.SECONDS.toMillis(Math.min(5, SECONDS / 4)));
    long heapWarm = usedHeapAtRest(traffic);
    long heapMax = heapWarm;
    long every = TimeUnit.SECONDS.toNanos(Math.max(10, SECONDS / 10));
    for (long next = System.nanoTime() + every; running.get(); ) {
      Thread.sleep(200);
      if (System.nanoTime() >= next && running.get()) {
        heapMax = Math.max(heapMax, usedHeapAtRest(traffic));
        next += every;
      }
    }
    for (Future<?> w : workers) {
      w.get(3 * SECONDS + 120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    for (String id = live.poll(); id != null; id = live.poll()) {
      tally.expect(204, "delete", admin.delete(id));
      tally.deletes.incrementAndGet();
    }
    long heapEnd = usedHeapAtRest(traffic);
    heapMax = Math.max(heapMax, heapEnd);
    long documents = admin.get("/api/health").json().get("documents").asLong();
    double seconds = (System.nanoTime() - begin) / 1e9;
    String report = String.format("""
        # Soak run (%.0f s, %d search threads, 1 uploader, 1 deleter, loopback)

        | figure | value |
        |---|---|
        | requests served | %d |
        | 5xx answers | %d |
        | unexpected answers | %d |
        | uploads (201) | %d |
        | mean upload answer time | %.0f ms |
        | uploads not found right after their 201 | %d |
        | deletes (204) | %d |
        | documents at the end (seeds) | %d |
        | heap used after GC at rest, after warm-up | %.1f MB |
        | heap used after GC at rest, highest sample | %.1f MB |
        | heap used after GC at rest, at the end | %.1f MB |
        """, seconds, SEARCHERS, tally.requests.get(), tally.serverErrors.get(), tally.failures.size(),
        tally.uploads.get(), tally.uploadNanos.get() / 1e6 / Math.max(1, tally.uploads.get()), tally.unsearchable.get(),
        tally.deletes.get(), documents, heapWarm / 1048576.0, heapMax / 1048576.0, heapEnd / 1048576.0);
    log.info("\n{}", report);
    Files.writeString(Path.of("target", "soak-report.md"), report);

    assertEquals(Map.of(), tally.failures, "every answer as expected");
    assertEquals(0, tally.serverErrors.get());
    assertEquals(0, tally.unsearchable.get());
    assertTrue(tally.uploads.get() >= MIN_UPLOADS, "the soak uploaded too little to mean anything: " + tally.uploads.get());
    assertEquals(tally.uploads.get(), tally.deletes.get());
    assertEquals(5, documents, "every upload was deleted again");
    try (Stream<Path> s = Files.list(tmp.resolve("uploads"))) {
      assertEquals(List.of(), s.filter(p -> !p.getFileName().toString().startsWith(".")).toList(), "no upload folder left");
    }
    try (Stream<Path> s = Files.list(tmp.resolve("uploads/.incoming"))) {
      assertEquals(List.of(), s.toList(), "no multipart spool file left");
    }
    assertTrue(heapMax <= heapWarm + (HEAP_GROWTH_MB << 20),
        String.format("heap grew from %.1f MB to %.1f MB", heapWarm / 1048576.0, heapMax / 1048576.0));
  }

  /** Uploads until the time is up and enough uploads are done. */
  private static void upload(Tally tally, ConcurrentLinkedQueue<String> live, byte[] docx, ReadWriteLock traffic,
      long minimumEnd, long hardEnd) throws Exception {
    for (int n = 0; n < MAX_UPLOADS && System.nanoTime() < hardEnd
        && (System.nanoTime() < minimumEnd || tally.uploads.get() < MIN_UPLOADS); n++) {
      int number = n;
      step(traffic, () -> uploadOne(tally, live, docx, number));
    }
  }

  /** One upload (a text, every tenth the docx fixture), checked to be found by search at once. */
  private static void uploadOne(Tally tally, ConcurrentLinkedQueue<String> live, byte[] docx, int n) throws Exception {
    String marker = marker(n);
    AdminHttp.Form form = new AdminHttp.Form();
    if (n % 10 == 9) {
      form.file("烟叶税法-" + n + ".docx", "application/octet-stream", docx).field("title", marker);
    } else {
      StringBuilder text = new StringBuilder(marker).append("\n\n").append(marker).append("的正文。");
      for (int i = 0; i < 30; i++) {
        text.append(sentences.get((n * 31 + i) % sentences.size()));
      }
      form.file("report-" + n + ".txt", "text/plain", text.toString().getBytes(StandardCharsets.UTF_8));
    }
    long started = System.nanoTime();
    AdminHttp.Answer a = tally.expect(201, "upload", admin.upload(form));
    tally.uploadNanos.addAndGet(System.nanoTime() - started);
    if (a.status() != 201) {
      return;
    }
    String id = a.json().get("id").asText();
    tally.uploads.incrementAndGet();
    JsonNode found = tally.expect(200, "search", admin.get("/api/search", "q", "\"" + marker + "\"")).json();
    if (found.get("total").asLong() != 1 || !found.get("hits").get(0).get("id").asText().equals(id)) {
      tally.unsearchable.incrementAndGet();
      tally.failures.putIfAbsent("unsearchable " + marker, found.toString());
    }
    live.add(id);
  }
}
