package org.rendakb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Search over HTTP, from this process against the server in another process on loopback: a query
 * mix drawn from the corpus (topic words, quoted phrases, browse with filters, precedent sentences)
 * with facets and snippets on, at 1, 2 and 8 concurrent clients for a fixed time each. Reports
 * throughput, p50, p99 and errors per kind, and the server's longest GC pause.
 *
 * <p>{@code java -cp server/target/server.jar org.rendakb.bench.SearchBench INDEX SERVER_JAR CORPUS OUT [SECONDS] [XMX]}
 */
public final class SearchBench {
  record Request(String kind, String path) {}

  record Row(int clients, String kind, int requests, double perSecond, double p50Ms, double p99Ms, int errors) {}

  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    Path serverJar = Path.of(args[1]);
    Path corpus = Path.of(args[2]);
    Path out = Path.of(args[3]);
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    String heap = args.length > 5 ? args[5] : "512m";
    Files.createDirectories(out);
    List<Request> mix = mix(corpus, new Random(20261122L));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path gcLog = out.resolve("server-gc.log").toAbsolutePath();
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-Xlog:gc:file=" + gcLog, "-jar", serverJar.toString(), "--index", index.toString(),
        "--port", String.valueOf(port))
        .redirectErrorStream(true).redirectOutput(out.resolve("server.log").toFile()).start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + port;
      waitForHealth(http, base);
      // warm-up: the JIT and the OS page cache, not measured
      run(http, base, mix, 2, 5);
      List<Row> rows = new ArrayList<>();
      for (int clients : new int[] {1, 2, 8}) {
        rows.addAll(run(http, base, mix, clients, seconds));
      }
      double maxPause = maxGcPauseMs(gcLog);
      StringBuilder md = new StringBuilder();
      md.append("Search over HTTP, ").append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
          .append(" cores, JDK ").append(Runtime.version()).append(", server -Xmx").append(heap).append(", ")
          .append(seconds).append(" s per client count\n\n");
      md.append("| clients | kind | requests | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|\n");
      for (Row r : rows) {
        md.append(String.format("| %d | %s | %d | %.1f | %.1f | %.1f | %d |%n", r.clients(), r.kind(), r.requests(), r.perSecond(),
            r.p50Ms(), r.p99Ms(), r.errors()));
      }
      md.append(String.format("%nLongest GC pause of the server: %.1f ms%n", maxPause));
      Files.writeString(out.resolve("search.md"), md);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(out.resolve("search.json").toFile(), Map.of("rows", rows, "max_gc_pause_ms", maxPause));
      System.out.println(md);
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  /** The query mix: what staff, drafters and researchers send, drawn from the corpus with a seed. */
  static List<Request> mix(Path corpus, Random random) throws IOException {
    List<String> titles = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus.resolve("laws"))) {
      List<Path> all = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
      for (int i = 0; i < 300; i++) {
        Path f = all.get(random.nextInt(all.size()));
        String text = Files.readString(f);
        titles.add(text.lines().findFirst().orElse("").replace("#", "").strip());
        List<String> s = Arrays.stream(text.split("[。\n]")).map(String::strip).filter(x -> x.length() > 20 && x.length() < 80).toList();
        if (!s.isEmpty()) {
          sentences.add(s.get(random.nextInt(s.size())));
        }
      }
    }
    Pattern place = Pattern.compile("^(.{2,3}?)(省|市)");
    List<Request> mix = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String title = titles.get(random.nextInt(titles.size()));
      Matcher m = place.matcher(title);
      String topic = title.replaceAll("^.*?(省|市)", "").replaceAll("(条例|办法|规定|决定)$", "");
      String words = (m.find() ? m.group(1) + " " : "") + topic.substring(0, Math.min(4, topic.length()));
      mix.add(new Request("topic", "/api/search?q=" + enc(words)));
      String sentence = sentences.get(random.nextInt(sentences.size()));
      int from = random.nextInt(Math.max(1, sentence.length() - 8));
      mix.add(new Request("phrase", "/api/search?q=" + enc("\"" + sentence.substring(from, Math.min(sentence.length(), from + 6)) + "\"")));
      int year = 1990 + random.nextInt(35);
      mix.add(new Request("browse", "/api/search?year=" + year + "&type=" + enc(random.nextBoolean() ? "地方性法规" : "法律")));
      mix.add(new Request("precedent", "/api/precedents?q=" + enc(sentence)));
    }
    return mix;
  }

  private static List<Row> run(HttpClient http, String base, List<Request> mix, int clients, int seconds) throws InterruptedException {
    Map<String, List<Long>> latencies = new LinkedHashMap<>();
    Map<String, AtomicInteger> errors = new LinkedHashMap<>();
    for (Request r : mix) {
      latencies.putIfAbsent(r.kind(), new ArrayList<>());
      errors.putIfAbsent(r.kind(), new AtomicInteger());
    }
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      threads.add(Thread.ofPlatform().start(() -> {
        while (System.nanoTime() < end) {
          Request r = mix.get(Math.floorMod(next.getAndIncrement(), mix.size()));
          long start = System.nanoTime();
          boolean ok;
          try {
            HttpResponse<byte[]> resp = http.send(HttpRequest.newBuilder(URI.create(base + r.path())).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
            ok = resp.statusCode() == 200;
          } catch (IOException | InterruptedException e) {
            ok = false;
          }
          long took = System.nanoTime() - start;
          synchronized (latencies) {
            latencies.get(r.kind()).add(took);
          }
          if (!ok) {
            errors.get(r.kind()).incrementAndGet();
          }
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    List<Row> rows = new ArrayList<>();
    for (var e : latencies.entrySet()) {
      long[] sorted = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      rows.add(new Row(clients, e.getKey(), sorted.length, sorted.length / (double) seconds, percentile(sorted, 0.5),
          percentile(sorted, 0.99), errors.get(e.getKey()).get()));
    }
    return rows;
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static void waitForHealth(HttpClient http, String base) throws Exception {
    for (int i = 0; i < 120; i++) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the server did not come up; see server.log");
  }

  private static double maxGcPauseMs(Path gcLog) throws IOException {
    if (!Files.exists(gcLog)) {
      return -1;
    }
    double max = 0;
    Matcher m = Pattern.compile("Pause.* ([0-9.]+)ms").matcher(Files.readString(gcLog));
    while (m.find()) {
      max = Math.max(max, Double.parseDouble(m.group(1)));
    }
    return max;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
