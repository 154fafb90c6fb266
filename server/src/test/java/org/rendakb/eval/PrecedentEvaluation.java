package org.rendakb.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rendakb.precedent.DraftText;
import org.rendakb.precedent.PrecedentHit;
import org.rendakb.precedent.PrecedentSearcher;
import org.rendakb.search.reader.ReaderSearcher;

/**
 * Scores precedent search on the seeded query set: a hit counts only when its passage is the
 * original sentence (compared after width and traditional folding and without punctuation), per
 * kind of change, for the product and for the plain bigram baseline on the same queries.
 */
public final class PrecedentEvaluation {
  public static final int DEPTH = 20;

  /** One line of the query set; a hit on {@code expected} or any of {@code alternatives} counts. */
  public record PrecedentQuery(String kind, String query, String expected, List<String> alternatives, String source) {
    public PrecedentQuery {
      alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    List<String> answers() {
      List<String> all = new ArrayList<>(alternatives);
      all.add(0, expected);
      if (!alternatives.isEmpty()) {
        // pasted sentences: the span of all of them is right too (precedent spans)
        all.add(expected + String.join("", alternatives));
      }
      return all;
    }
  }

  public record KindResult(String kind, RankMetrics product, RankMetrics baseline) {}

  /** A query whose answer the product did not rank first, with what it ranked first instead. */
  public record Miss(String kind, String query, String expected, int rank, String rankedFirst) {}

  public record Report(List<KindResult> kinds, RankMetrics productAll, RankMetrics baselineAll, double p50Ms, double p99Ms,
      List<Miss> misses) {
    public String markdown() {
      StringBuilder s = new StringBuilder();
      s.append("| kind | queries | MRR | success@1 | success@10 | baseline MRR | baseline s@1 | baseline s@10 |\n");
      s.append("|---|---|---|---|---|---|---|---|\n");
      for (KindResult k : kinds) {
        s.append(String.format("| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", k.kind(), k.product().queries(),
            k.product().mrr(), k.product().successAt1(), k.product().successAt10(),
            k.baseline().mrr(), k.baseline().successAt1(), k.baseline().successAt10()));
      }
      s.append(String.format("| all | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", productAll.queries(),
          productAll.mrr(), productAll.successAt1(), productAll.successAt10(),
          baselineAll.mrr(), baselineAll.successAt1(), baselineAll.successAt10()));
      s.append(String.format("%nProduct latency per query (in-process, warm): p50 %.1f ms, p99 %.1f ms%n", p50Ms, p99Ms));
      if (!misses.isEmpty()) {
        s.append("\nNot ranked first by the product:\n");
        for (Miss m : misses) {
          s.append(String.format("- [%s] rank %d: query `%s`%n  expected `%s`%n  ranked first `%s`%n",
              m.kind(), m.rank(), m.query(), m.expected(), m.rankedFirst()));
        }
      }
      return s.toString();
    }
  }

  public static List<PrecedentQuery> load(Path jsonl) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<PrecedentQuery> out = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl)) {
      if (!line.isBlank()) {
        out.add(json.readValue(line, PrecedentQuery.class));
      }
    }
    return out;
  }

  public static Report run(ReaderSearcher searcher, BigramSentenceBaseline baseline, List<PrecedentQuery> queries)
      throws IOException {
    PrecedentSearcher precedents = new PrecedentSearcher();
    Map<String, List<Integer>> product = new LinkedHashMap<>();
    Map<String, List<Integer>> plain = new LinkedHashMap<>();
    List<Integer> productAll = new ArrayList<>();
    List<Integer> plainAll = new ArrayList<>();
    List<Miss> misses = new ArrayList<>();
    for (PrecedentQuery q : queries.subList(0, Math.min(20, queries.size()))) {
      precedents.search(searcher, q.query(), null, DEPTH); // warm-up
    }
    double[] millis = new double[queries.size()];
    int i = 0;
    for (PrecedentQuery q : queries) {
      long start = System.nanoTime();
      List<PrecedentHit> hits = precedents.search(searcher, q.query(), null, DEPTH).hits();
      millis[i++] = (System.nanoTime() - start) / 1e6;
      int productRank = rank(hits.stream().map(h -> unmark(h.passage())).toList(), q.answers());
      int plainRank = rank(baseline.rank(q.query(), DEPTH), q.answers());
      if (productRank != 1) {
        misses.add(new Miss(q.kind(), q.query(), q.expected(), productRank, hits.isEmpty() ? "" : unmark(hits.get(0).passage())));
      }
      product.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(productRank);
      plain.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(plainRank);
      productAll.add(productRank);
      plainAll.add(plainRank);
    }
    List<KindResult> kinds = new ArrayList<>();
    for (String kind : product.keySet()) {
      kinds.add(new KindResult(kind, RankMetrics.of(product.get(kind)), RankMetrics.of(plain.get(kind))));
    }
    Arrays.sort(millis);
    return new Report(kinds, RankMetrics.of(productAll), RankMetrics.of(plainAll), percentile(millis, 0.5), percentile(millis, 0.99), misses);
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  /** 1-based rank of the first passage that is one of the answers, 0 when absent. */
  static int rank(List<String> passages, List<String> answers) {
    var want = answers.stream().map(DraftText::folded).toList();
    for (int i = 0; i < passages.size(); i++) {
      if (want.contains(DraftText.folded(passages.get(i)))) {
        return i + 1;
      }
    }
    return 0;
  }

  static String unmark(String html) {
    return html.replace("<mark>", "").replace("</mark>", "")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
  }
}
