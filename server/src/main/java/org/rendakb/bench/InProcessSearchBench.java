package org.rendakb.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rendakb.search.Abbreviations;
import org.rendakb.search.IndexAccess;
import org.rendakb.search.SearchRequest;
import org.rendakb.search.SearchResult;
import org.rendakb.search.SearchService;

/**
 * Search speed against a baseline measured in the same run, in one process and one thread: the
 * topic and phrase queries of the HTTP mix through our {@link SearchService} and through
 * {@link RawLuceneBaseline} (plain Lucene, facets, whole texts highlighted), query by query in
 * turn, so that both see the host at the same speed. The host's speed drifts by up to 2× within an
 * hour here; the ratio does not move with it, the milliseconds do.
 *
 * <p>{@code java -cp server/target/server.jar org.rendakb.bench.InProcessSearchBench INDEX CORPUS OUT [ROUNDS]}
 */
public final class InProcessSearchBench {
  static final List<String> KINDS = List.of("topic", "phrase");

  record Stats(double p50Ms, double p99Ms, double meanMs) {
    static Stats of(long[] nanos) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return new Stats(percentile(sorted, 0.5), percentile(sorted, 0.99), Arrays.stream(sorted).average().orElse(0) / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
      return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
  }

  /**
   * One kind of query: the baseline's search and facets alone, the baseline in full (with its
   * stored fields and highlighting), ours in full (facets, snippets, partial matches, versions).
   */
  record Row(String kind, int queries, Stats rawSearchAndFacets, Stats raw, Stats rendakb) {
    /** Our median over the baseline's: below 1 is faster. */
    double p50Ratio() {
      return rendakb.p50Ms() / raw.p50Ms();
    }

    double meanRatio() {
      return rendakb.meanMs() / raw.meanMs();
    }
  }

  record Result(int rounds, int baselineDocuments, double baselineBuildSeconds, List<Row> rows) {
    Row row(String kind) {
      return rows.stream().filter(r -> r.kind().equals(kind)).findFirst().orElseThrow();
    }
  }

  private InProcessSearchBench() {}

  public static void main(String[] args) throws Exception {
    Result r = measure(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 10);
    System.out.print(BenchReport.inProcessTable(r));
  }

  /**
   * Builds the baseline's index from {@code index} under {@code out}, then runs {@code rounds}
   * measured rounds over the queries after half as many (at least 3) to warm up both.
   */
  static Result measure(Path index, Path corpus, Path out, int rounds) throws Exception {
    Map<String, List<String>> queries = new LinkedHashMap<>();
    KINDS.forEach(k -> queries.put(k, new ArrayList<>()));
    for (SearchBench.Request r : SearchBench.mix(corpus, new Random(SearchBench.MIX_SEED))) {
      if (queries.containsKey(r.kind())) {
        queries.get(r.kind()).add(r.q());
      }
    }
    long building = System.nanoTime();
    try (RawLuceneBaseline raw = RawLuceneBaseline.build(index, out.resolve("raw-lucene-index"), 2);
        IndexAccess access = IndexAccess.open(index)) {
      double buildSeconds = (System.nanoTime() - building) / 1e9;
      System.out.printf("  baseline index: %d documents in %.1f s%n", raw.documents(), buildSeconds);
      SearchService ours = new SearchService(access, Abbreviations.bundled());
      int warmUp = Math.max(3, rounds / 2);
      List<Row> rows = new ArrayList<>();
      for (var e : queries.entrySet()) {
        List<String> qs = e.getValue();
        long[][] times = new long[3][qs.size() * rounds];
        for (int round = 0; round < warmUp + rounds; round++) {
          int at = (round - warmUp) * qs.size();
          for (int i = 0; i < qs.size(); i++) {
            // who goes first alternates, so neither always finds the other's data freshly in the caches
            long[] one = round % 2 == 0 ? timeRawFirst(raw, ours, qs.get(i)) : timeOursFirst(raw, ours, qs.get(i));
            if (round >= warmUp) {
              for (int t = 0; t < 3; t++) {
                times[t][at + i] = one[t];
              }
            }
          }
        }
        Row row = new Row(e.getKey(), qs.size(), Stats.of(times[0]), Stats.of(times[1]), Stats.of(times[2]));
        System.out.printf("  %s: raw Lucene p50 %.2f ms (search and facets %.2f), ours %.2f ms: %.2f×%n", row.kind(),
            row.raw().p50Ms(), row.rawSearchAndFacets().p50Ms(), row.rendakb().p50Ms(), row.p50Ratio());
        rows.add(row);
      }
      return new Result(rounds, raw.documents(), buildSeconds, rows);
    }
  }

  /** {raw search and facets, raw in full, ours} in nanoseconds. */
  private static long[] timeRawFirst(RawLuceneBaseline raw, SearchService ours, String q) throws Exception {
    RawLuceneBaseline.Timing r = raw.search(q);
    long o = timeOurs(ours, q);
    return new long[] {r.searchNanos(), r.totalNanos(), o};
  }

  private static long[] timeOursFirst(RawLuceneBaseline raw, SearchService ours, String q) throws Exception {
    long o = timeOurs(ours, q);
    RawLuceneBaseline.Timing r = raw.search(q);
    return new long[] {r.searchNanos(), r.totalNanos(), o};
  }

  private static long timeOurs(SearchService ours, String q) throws Exception {
    long start = System.nanoTime();
    SearchResult result = ours.search(SearchRequest.of(q));
    long took = System.nanoTime() - start;
    if (result.hits().size() > result.size()) {
      throw new IllegalStateException("more hits than asked for: " + q);
    }
    return took;
  }
}
