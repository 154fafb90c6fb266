package org.rendakb.bench;

import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rendakb.api.TestMeaning;
import org.rendakb.eval.TopicEvaluation;
import org.rendakb.eval.TopicQuery;
import org.rendakb.hybrid.SearchMode;
import org.rendakb.index.IndexReport;
import org.rendakb.search.SearchRequest;
import org.rendakb.search.SearchService;
import org.rendakb.search.query.Abbreviations;
import org.rendakb.search.reader.IndexAccess;
import org.rendakb.semantic.SemanticOptions;

/**
 * What search by meaning costs, each figure against its lexical baseline of the same run: a first
 * build of the corpus without and with vectors (an empty vector cache), a re-run of the unchanged
 * corpus, the index's size, the heap of the build, and search latency in-process (one thread,
 * lexical and hybrid query by query in turn) and over HTTP at 2 clients (lexical and hybrid in
 * alternating windows on one server).
 *
 * <p>{@code BenchRun CORPUS OUT semantic}, or {@code ./mvnw -Pbench -DskipTests package -Dbench.mode=semantic}.
 */
final class SemanticBench {
  private SemanticBench() {}

  /** Windows per mode over HTTP, alternating, so that the host's drift falls on both alike. */
  static final int WINDOWS = 3;

  record Result(IndexingBench.Run lexical, IndexingBench.Run withVectors, IndexingBench.Run rerun, double textMb,
      Latency inProcess, Latency http, int queries) {
    String markdown() {
      IndexReport.Vectors v = withVectors.report().vectors();
      StringBuilder s = new StringBuilder("## Search by meaning: cost (SemanticBench)\n\n");
      s.append("| figure | without vectors | with vectors | ratio |\n|---|---|---|---|\n");
      s.append(String.format("| first build of the corpus, s | %.1f | %.1f | %.2f |%n", lexical.report().seconds(),
          withVectors.report().seconds(), withVectors.report().seconds() / lexical.report().seconds()));
      s.append(String.format("| index size, MB | %.1f | %.1f | %.3f |%n", lexical.indexMb(), withVectors.indexMb(),
          withVectors.indexMb() / lexical.indexMb()));
      s.append(String.format("| heap of the build, peak live MB | %.0f | %.0f | %.2f |%n", lexical.heap().liveMb(),
          withVectors.heap().liveMb(), withVectors.heap().liveMb() / Math.max(1, lexical.heap().liveMb())));
      s.append(String.format("| in-process search p50 / p99, ms (%d queries) | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f |%n",
          queries, inProcess.lexicalP50(), inProcess.lexicalP99(), inProcess.hybridP50(), inProcess.hybridP99(),
          inProcess.hybridP50() / inProcess.lexicalP50(), inProcess.hybridP99() / inProcess.lexicalP99()));
      s.append(String.format("| HTTP search at 2 clients p50 / p99, ms | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f |%n",
          http.lexicalP50(), http.lexicalP99(), http.hybridP50(), http.hybridP99(), http.hybridP50() / http.lexicalP50(),
          http.hybridP99() / http.lexicalP99()));
      s.append(String.format("%nVectors: %d files embedded, %d from the cache, in %.1f s of the build (%.1f s per MB of corpus"
          + " text, %.1f MB); a re-run of the unchanged corpus embedded %d and took %.1f s.%n", v.embedded(), v.fromCache(),
          v.seconds(), v.seconds() / textMb, textMb, rerun.report().vectors().embedded(), rerun.report().seconds()));
      return s.toString();
    }

    Map<String, Object> figures() {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("buildSecondsLexical", lexical.report().seconds());
      f.put("buildSecondsWithVectors", withVectors.report().seconds());
      f.put("vectorSeconds", withVectors.report().vectors().seconds());
      f.put("embedded", withVectors.report().vectors().embedded());
      f.put("rerunEmbedded", rerun.report().vectors().embedded());
      f.put("rerunSeconds", rerun.report().seconds());
      f.put("indexMbLexical", lexical.indexMb());
      f.put("indexMbWithVectors", withVectors.indexMb());
      f.put("inProcess", inProcess);
      f.put("http", http);
      return f;
    }
  }

  record Latency(double lexicalP50, double lexicalP99, double hybridP50, double hybridP99) {}

  static Result measure(Path corpus, Path out, Path serverJar, int seconds, int rounds) throws Exception {
    List<Path> inputs = IndexingBench.inputs(corpus);
    double textMb = 0;
    for (Path p : inputs) {
      textMb += Machine.sizeMb(p);
    }
    Path lexicalIndex = out.resolve("index-lexical");
    Path index = out.resolve("index-vectors");
    Path cache = out.resolve("vector-cache-bench");
    Machine.deleteRecursively(cache);
    System.out.println("semantic: first build without vectors");
    IndexingBench.Run lexical = IndexingBench.index(inputs, lexicalIndex, 2, true, SemanticOptions.off());
    System.out.println("semantic: first build with vectors, empty cache");
    IndexingBench.Run withVectors = IndexingBench.index(inputs, index, 2, true, new SemanticOptions(true, cache));
    System.out.println("semantic: re-run of the unchanged corpus");
    IndexingBench.Run rerun = IndexingBench.index(inputs, index, 2, false, new SemanticOptions(true, cache));
    List<String> queries = queries(corpus);
    System.out.println("semantic: search in-process, lexical and hybrid in turn");
    Latency inProcess = inProcess(index, queries, rounds);
    System.out.println("semantic: search over HTTP at 2 clients, lexical and hybrid windows in turn");
    Latency http = http(index, serverJar, queries, out, seconds);
    Result result = new Result(lexical, withVectors, rerun, textMb, inProcess, http, queries.size());
    System.out.println(result.markdown());
    return result;
  }

  /** The topic searches of the benchmark mix and the concept set: what hybrid search serves. */
  static List<String> queries(Path corpus) throws Exception {
    List<String> out = new ArrayList<>();
    for (SearchBench.Request r : SearchBench.mix(corpus, new Random(SearchBench.MIX_SEED))) {
      if (r.kind().equals("topic")) {
        out.add(java.net.URLDecoder.decode(r.path().substring(r.path().indexOf("q=") + 2), StandardCharsets.UTF_8));
      }
    }
    // from the classpath: the benchmark runs from the project's root, the tests from server/
    for (TopicQuery q : TopicEvaluation.load(Path.of(SemanticBench.class.getResource("/eval/concept-queries.jsonl").toURI()))) {
      out.add(q.query());
    }
    return out;
  }

  private static Latency inProcess(Path index, List<String> queries, int rounds) throws Exception {
    List<Long> lexical = new ArrayList<>();
    List<Long> hybrid = new ArrayList<>();
    try (IndexAccess access = IndexAccess.open(index)) {
      SearchService service = new SearchService(access, Abbreviations.bundled(), TestMeaning.search());
      for (int round = 0; round <= rounds; round++) {
        for (String q : queries) {
          SearchRequest request = SearchRequest.of(q);
          long t0 = System.nanoTime();
          service.search(request.withMode(SearchMode.LEXICAL));
          long t1 = System.nanoTime();
          service.search(request.withMode(SearchMode.HYBRID));
          long t2 = System.nanoTime();
          if (round > 0) {
            // round 0 warms the JIT and fills the query vector cache's misses alike for both
            lexical.add(t1 - t0);
            hybrid.add(t2 - t1);
          }
        }
      }
    }
    return latency(lexical, hybrid);
  }

  private static Latency http(Path index, Path serverJar, List<String> queries, Path out, int seconds) throws Exception {
    Files.createDirectories(out);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms1g", "-Xmx1g",
        "--add-modules", "jdk.incubator.vector", "-jar", serverJar.toString(), "--index", index.toString(),
        "--port", String.valueOf(port))
        .redirectErrorStream(true).redirectOutput(out.resolve("semantic-server.log").toFile()).start();
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + port;
      SearchBench.waitForHealth(client, base, server);
      List<SearchBench.Request> lexicalMix = new ArrayList<>();
      List<SearchBench.Request> hybridMix = new ArrayList<>();
      for (String q : queries) {
        String path = "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
        lexicalMix.add(new SearchBench.Request("topic", path + "&mode=lexical"));
        hybridMix.add(new SearchBench.Request("topic", path + "&mode=hybrid"));
      }
      SearchBench.run(client, base, lexicalMix, 2, seconds);
      SearchBench.run(client, base, hybridMix, 2, seconds);
      List<Double> lp50 = new ArrayList<>();
      List<Double> lp99 = new ArrayList<>();
      List<Double> hp50 = new ArrayList<>();
      List<Double> hp99 = new ArrayList<>();
      for (int w = 0; w < WINDOWS; w++) {
        SearchBench.Row l = SearchBench.run(client, base, lexicalMix, 2, seconds).getFirst();
        SearchBench.Row h = SearchBench.run(client, base, hybridMix, 2, seconds).getFirst();
        lp50.add(l.p50Ms());
        lp99.add(l.p99Ms());
        hp50.add(h.p50Ms());
        hp99.add(h.p99Ms());
        System.out.printf("  window %d: lexical p50 %.1f p99 %.1f ms, hybrid p50 %.1f p99 %.1f ms (%d errors)%n", w,
            l.p50Ms(), l.p99Ms(), h.p50Ms(), h.p99Ms(), l.errors() + h.errors());
      }
      return new Latency(median(lp50), median(lp99), median(hp50), median(hp99));
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static Latency latency(List<Long> lexical, List<Long> hybrid) {
    long[] l = lexical.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] h = hybrid.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Latency(SearchBench.percentile(l, 0.5), SearchBench.percentile(l, 0.99), SearchBench.percentile(h, 0.5),
        SearchBench.percentile(h, 0.99));
  }
}
