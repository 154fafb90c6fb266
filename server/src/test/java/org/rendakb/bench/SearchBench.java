package org.rendakb.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.rendakb.ServerMain;

/**
 * Search over HTTP, from this process against the server in another process on loopback: a query
 * mix drawn from the corpus (topic words, quoted phrases, browse with filters, precedent sentences)
 * with facets and snippets on, at 1, 2 and 8 concurrent clients for a fixed time each. Reports
 * throughput, p50, p99 and errors per kind, and the server's longest GC pause.
 *
 * <p>The server runs in its own JVM with the given heap ({@code -Xms} = {@code -Xmx}) and {@code -Xlog:gc},
 * so the pauses and the heap after collections are the server's own.
 */
public final class SearchBench {
  record Request(String kind, String path) {
    /** The request's query text ({@code q}), or "" for one without. */
    String q() {
      for (String param : URI.create(path).getRawQuery().split("&")) {
        if (param.startsWith("q=")) {
          return URLDecoder.decode(param.substring(2), StandardCharsets.UTF_8);
        }
      }
      return "";
    }
  }

  record Row(int clients, String kind, int requests, double perSecond, double p50Ms, double p99Ms, int errors, double load) {}

  /** {@code heapAfterGcMb}: the largest heap left after a collection (the server's live set). */
  /**
   * {@code serverCpuMsPerRequest}: the server process's CPU time over the requests of each client
   * count, all kinds together; unlike latency it barely moves with the load of other processes.
   */
  /**
   * {@code maxGcPauseMs} counts the pauses from the first measured request on; {@code
   * startupGcPauseMs} those before (class loading, opening the index).
   */
  record Result(String heap, int seconds, List<Row> rows, Map<Integer, Double> serverCpuMsPerRequest, double maxGcPauseMs,
      double startupGcPauseMs, double heapAfterGcMb, double startSeconds) {
    Row row(int clients, String kind) {
      return rows.stream().filter(r -> r.clients() == clients && r.kind().equals(kind)).findFirst().orElseThrow();
    }
  }

  static final int[] CLIENTS = {1, 2, 8};
  /** The seed of the query mix every search benchmark sends. */
  static final long MIX_SEED = 20261122L;
  /** A stop-the-world pause (G1, and ZGC's phases) or a thread stalled for memory (ZGC), with its JVM uptime. */
  private static final Pattern PAUSE = Pattern.compile("^\\[([0-9.]+)s\\].*(?:Pause|Allocation Stall).* ([0-9.]+)ms$",
      Pattern.MULTILINE);
  private static final Pattern AFTER_GC = Pattern.compile("->([0-9]+)M\\(");

  private SearchBench() {}

  /**
   * The search benchmark alone, on an index that exists, for profiling the server:
   * {@code java -Dbench.serverJvmArgs=-XX:StartFlightRecording=filename=server.jfr -cp
   * server/target/server.jar:server/target/test-classes org.rendakb.bench.SearchBench INDEX CORPUS OUT [SECONDS] [HEAP]}.
   */
  public static void main(String[] args) throws Exception {
    Path serverJar = serverJar();
    String jvmArgs = System.getProperty("bench.serverJvmArgs", "").strip();
    measure(Path.of(args[0]).toAbsolutePath(), serverJar, Path.of(args[1]), Path.of(args[2]),
        args.length > 3 ? Integer.parseInt(args[3]) : 20, args.length > 4 ? args[4] : "512m",
        jvmArgs.isEmpty() ? List.of() : List.of(jvmArgs.split("\\s+")));
  }

  /**
   * The jar the server is started from: {@code -Dbench.serverJar=OTHER.jar} serves with another
   * build, for comparing two versions; by default the jar {@link ServerMain} was loaded from, since
   * the benchmark's own classes are in test-classes beside it on the class path.
   */
  static Path serverJar() throws URISyntaxException {
    String other = System.getProperty("bench.serverJar");
    Path jar = other != null ? Path.of(other)
        : Path.of(ServerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the server is not a jar at " + jar
          + ": build it with ./mvnw -q -DskipTests package and put server/target/server.jar on the class path");
    }
    return jar;
  }

  static Result measure(Path index, Path serverJar, Path corpus, Path out, int seconds, String heap, List<String> jvmArgs)
      throws Exception {
    Files.createDirectories(out);
    List<Request> mix = mix(corpus, new Random(MIX_SEED));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path gcLog = out.resolve("server-gc.log").toAbsolutePath();
    Files.deleteIfExists(gcLog);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // a fixed heap: left to grow from a small start, G1 runs a marking cycle every second or so
        // and its remark pauses were the longest seen (up to 72 ms on the corpus at 512 MB)
        "-Xms" + heap, "-Xmx" + heap, "-Xlog:gc,gc+phases:file=" + gcLog));
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", serverJar.toString(), "--index", index.toString(), "--port", String.valueOf(port)));
    long started = System.nanoTime();
    Process server = new ProcessBuilder(command)
        .redirectErrorStream(true).redirectOutput(out.resolve("server.log").toFile()).start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + port;
      waitForHealth(http, base, server);
      double startSeconds = (System.nanoTime() - started) / 1e9;
      // warm-up, not measured: the OS page cache, and the JIT, which over this mix keeps compiling
      // for a minute or two (topic searches alone, one client, 15-s windows: p50 8.5, 7.1, 6.5, 5.9
      // … 4.9 ms), so a short warm-up measured compilation at the first client counts
      run(http, base, mix, 2, Integer.getInteger("bench.warmupSeconds", Math.max(5, 3 * seconds)));
      // the server JVM's uptime is at most this when measuring begins: its clock starts after the process
      double measuredFrom = (System.nanoTime() - started) / 1e9;
      List<Row> rows = new ArrayList<>();
      Map<Integer, Double> cpu = new LinkedHashMap<>();
      for (int clients : CLIENTS) {
        long cpuBefore = cpuNanos(server);
        List<Row> measured = run(http, base, mix, clients, seconds);
        int requests = measured.stream().mapToInt(Row::requests).sum();
        cpu.put(clients, (cpuNanos(server) - cpuBefore) / 1e6 / Math.max(1, requests));
        System.out.printf("  %d clients: server CPU %.1f ms per request%n", clients, cpu.get(clients));
        measured.forEach(r -> System.out.printf("  %d clients, %s: %.1f req/s, p50 %.1f ms, p99 %.1f ms, %d errors (load %.1f)%n",
            r.clients(), r.kind(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.errors(), r.load()));
        rows.addAll(measured);
      }
      String log = Files.exists(gcLog) ? Files.readString(gcLog) : "";
      return new Result(heap, seconds, rows, cpu, maxPause(log, measuredFrom, Double.MAX_VALUE), maxPause(log, 0, measuredFrom),
          max(AFTER_GC, log), startSeconds);
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

  static List<Row> run(HttpClient http, String base, List<Request> mix, int clients, int seconds) throws InterruptedException {
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
    double load = Machine.load();
    List<Row> rows = new ArrayList<>();
    for (var e : latencies.entrySet()) {
      long[] sorted = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      rows.add(new Row(clients, e.getKey(), sorted.length, sorted.length / (double) seconds, percentile(sorted, 0.5),
          percentile(sorted, 0.99), errors.get(e.getKey()).get(), load));
    }
    return rows;
  }

  /** The p-quantile of nanosecond times sorted ascending, in milliseconds; 0 for none. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  static void waitForHealth(HttpClient http, String base, Process server) throws Exception {
    for (int i = 0; i < 600 && server.isAlive(); i++) {
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

  /** The longest pause whose JVM uptime lies in [from, to) seconds. */
  static double maxPause(String gcLog, double from, double to) {
    double max = 0;
    Matcher m = PAUSE.matcher(gcLog);
    while (m.find()) {
      double at = Double.parseDouble(m.group(1));
      if (at >= from && at < to) {
        max = Math.max(max, Double.parseDouble(m.group(2)));
      }
    }
    return max;
  }

  private static long cpuNanos(Process process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** The largest number the pattern's group captures in the GC log, 0 when none. */
  static double max(Pattern pattern, String gcLog) {
    double max = 0;
    Matcher m = pattern.matcher(gcLog);
    while (m.find()) {
      max = Math.max(max, Double.parseDouble(m.group(1)));
    }
    return max;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
