package org.rendakb.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rendakb.search.query.Abbreviations;
import org.rendakb.search.reader.IndexAccess;
import org.rendakb.search.SearchRequest;
import org.rendakb.search.SearchResult;
import org.rendakb.search.SearchService;

/**
 * Search speed against a baseline measured in the same run, in one process and one thread: the
 * topic and phrase queries of the HTTP mix through our {@link SearchService} and through
 * {@link RawLuceneBaseline} (plain Lucene, facets, whole texts highlighted), query by query in
 * turn, so that both see the host at the same speed. The host's speed drifts by up to 2× within an
 * hour here; the ratio does not move with it, the milliseconds do. The same way, the growth of our
 * times from the corpus to a corpus ten times as large ({@link #growth}).
 *
 * <p>{@code java -cp server/target/server.jar:server/target/test-classes org.rendakb.bench.InProcessSearchBench
 * INDEX CORPUS OUT [ROUNDS] [LARGER_INDEX]}
 */
public final class InProcessSearchBench {
  static final List<String> KINDS = List.of("topic", "phrase");

  record Stats(double p50Ms, double p99Ms, double meanMs) {
    static Stats of(long[] nanos) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return new Stats(SearchBench.percentile(sorted, 0.5), SearchBench.percentile(sorted, 0.99),
          Arrays.stream(sorted).average().orElse(0) / 1e6);
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

  /** {@code baselineIndex}: plain Lucene's index of the same files, left for {@link #growth}. */
  record Result(int rounds, int baselineDocuments, double baselineBuildSeconds, Path baselineIndex, List<Row> rows) {
    Row row(String kind) {
      return rows.stream().filter(r -> r.kind().equals(kind)).findFirst().orElseThrow();
    }
  }

  /** One system's times on the corpus and on a corpus {@code factor} times as large. */
  record Scaled(Stats small, Stats big) {
    double p50Growth() {
      return big.p50Ms() / small.p50Ms();
    }

    double p99Growth() {
      return big.p99Ms() / small.p99Ms();
    }
  }

  /** One kind of query on both corpora, through ours and through plain Lucene's indexes of the same files. */
  record GrowthRow(String kind, int queries, Scaled rendakb, Scaled plain) {}

  record Growth(int rounds, int plainSmallDocuments, int plainBigDocuments, List<GrowthRow> rows) {}

  /** A system timed on one query: one or more durations, in nanoseconds. */
  private interface Timed {
    long[] time(String q) throws Exception;
  }

  private InProcessSearchBench() {}

  /** {@code INDEX CORPUS OUT [ROUNDS] [LARGER_INDEX]}: with a larger index, also the growth of our times and plain Lucene's to it. */
  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    Path corpus = Path.of(args[1]);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    Result result = measure(index, corpus, Path.of(args[2]), rounds);
    System.out.print(BenchReport.inProcessTable(result));
    if (args.length > 4) {
      System.out.print(BenchReport.growthTable(
          growth(index, result.baselineIndex(), Path.of(args[4]), corpus, Path.of(args[2]), rounds), "larger"));
    }
  }

  /**
   * Builds the baseline's index from {@code index} under {@code out}, then times both over the
   * queries ({@link #interleave}).
   */
  static Result measure(Path index, Path corpus, Path out, int rounds) throws Exception {
    long building = System.nanoTime();
    Path baselineIndex = out.resolve("raw-lucene-index");
    try (RawLuceneBaseline raw = RawLuceneBaseline.build(index, baselineIndex, 2);
        IndexAccess access = IndexAccess.open(index)) {
      double buildSeconds = (System.nanoTime() - building) / 1e9;
      System.out.printf("  baseline index: %d documents in %.1f s%n", raw.documents(), buildSeconds);
      SearchService ours = new SearchService(access, Abbreviations.bundled());
      Timed plain = q -> {
        RawLuceneBaseline.Timing t = raw.search(q);
        return new long[] {t.searchNanos(), t.totalNanos()};
      };
      List<Row> rows = new ArrayList<>();
      for (var e : interleave(queries(corpus), List.of(plain, q -> new long[] {timeOurs(ours, q)}), rounds).entrySet()) {
        long[][] times = e.getValue();
        Row row = new Row(e.getKey(), times[0].length / rounds, Stats.of(times[0]), Stats.of(times[1]), Stats.of(times[2]));
        System.out.printf("  %s: raw Lucene p50 %.2f ms (search and facets %.2f), ours %.2f ms: %.2f×%n", row.kind(),
            row.raw().p50Ms(), row.rawSearchAndFacets().p50Ms(), row.rendakb().p50Ms(), row.p50Ratio());
        rows.add(row);
      }
      return new Result(rounds, raw.documents(), buildSeconds, baselineIndex, rows);
    }
  }

  /**
   * Our times on the corpus index and on a larger one, both open, and plain Lucene's on indexes of
   * the same files ({@code smallBaseline}, which {@link #measure} built from {@code small}, and one
   * built from {@code big} under {@code out}), query by query in turn: the growth of p50 and p99
   * with the data, at one moment of the host, beside the growth of a plain search that also counts
   * and facets every match.
   */
  static Growth growth(Path small, Path smallBaseline, Path big, Path corpus, Path out, int rounds) throws Exception {
    long building = System.nanoTime();
    try (RawLuceneBaseline plainSmall = RawLuceneBaseline.open(smallBaseline);
        RawLuceneBaseline plainBig = RawLuceneBaseline.build(big, out.resolve("raw-lucene-growth-big"), 2);
        IndexAccess a = IndexAccess.open(small);
        IndexAccess b = IndexAccess.open(big)) {
      System.out.printf("  baseline indexes: %d and %d documents (the larger built in %.1f s)%n", plainSmall.documents(),
          plainBig.documents(), (System.nanoTime() - building) / 1e9);
      SearchService onSmall = new SearchService(a, Abbreviations.bundled());
      SearchService onBig = new SearchService(b, Abbreviations.bundled());
      List<Timed> systems = List.of(q -> new long[] {timeOurs(onSmall, q)}, q -> new long[] {timeOurs(onBig, q)},
          q -> new long[] {plainSmall.search(q).totalNanos()}, q -> new long[] {plainBig.search(q).totalNanos()});
      List<GrowthRow> rows = new ArrayList<>();
      for (var e : interleave(queries(corpus), systems, rounds).entrySet()) {
        long[][] times = e.getValue();
        Scaled ours = new Scaled(Stats.of(times[0]), Stats.of(times[1]));
        Scaled plain = new Scaled(Stats.of(times[2]), Stats.of(times[3]));
        GrowthRow row = new GrowthRow(e.getKey(), times[0].length / rounds, ours, plain);
        System.out.printf("  %s: p50 %.2f → %.2f ms (%.2f×), p99 %.2f → %.2f ms (%.2f×); plain Lucene p99 %.2f → %.2f ms (%.2f×)%n",
            row.kind(), ours.small().p50Ms(), ours.big().p50Ms(), ours.p50Growth(), ours.small().p99Ms(), ours.big().p99Ms(),
            ours.p99Growth(), plain.small().p99Ms(), plain.big().p99Ms(), plain.p99Growth());
        rows.add(row);
      }
      return new Growth(rounds, plainSmall.documents(), plainBig.documents(), rows);
    }
  }

  /** The topic and phrase queries of the HTTP mix, by kind. */
  private static Map<String, List<String>> queries(Path corpus) throws Exception {
    Map<String, List<String>> queries = new LinkedHashMap<>();
    KINDS.forEach(k -> queries.put(k, new ArrayList<>()));
    for (SearchBench.Request r : SearchBench.mix(corpus, new Random(SearchBench.MIX_SEED))) {
      if (queries.containsKey(r.kind())) {
        queries.get(r.kind()).add(r.q());
      }
    }
    return queries;
  }

  /**
   * Every query through every system in turn, half as many rounds as {@code rounds} (at least 3)
   * to warm up, then {@code rounds} measured. Per kind, one column per duration the systems give,
   * in their order, with every measured query's time.
   */
  private static Map<String, long[][]> interleave(Map<String, List<String>> queries, List<Timed> systems, int rounds)
      throws Exception {
    int warmUp = Math.max(3, rounds / 2);
    Map<String, long[][]> out = new LinkedHashMap<>();
    for (var e : queries.entrySet()) {
      List<String> qs = e.getValue();
      List<List<Long>> columns = new ArrayList<>();
      for (int round = 0; round < warmUp + rounds; round++) {
        for (String q : qs) {
          // who goes first alternates, so that neither always finds the other's data freshly in the caches
          long[][] times = new long[systems.size()][];
          for (int k = 0; k < systems.size(); k++) {
            int s = round % 2 == 0 ? k : systems.size() - 1 - k;
            times[s] = systems.get(s).time(q);
          }
          if (round >= warmUp) {
            long[] row = Arrays.stream(times).flatMapToLong(Arrays::stream).toArray();
            while (columns.size() < row.length) {
              columns.add(new ArrayList<>());
            }
            for (int c = 0; c < row.length; c++) {
              columns.get(c).add(row[c]);
            }
          }
        }
      }
      out.put(e.getKey(), columns.stream().map(c -> c.stream().mapToLong(Long::longValue).toArray()).toArray(long[][]::new));
    }
    return out;
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
