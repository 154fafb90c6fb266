package org.rendakb.eval;

import java.util.List;
import java.util.Map;

/**
 * MRR, success@1, success@10, nDCG@10 and recall@100 of a group of queries, from each query's
 * ranked corpus paths and graded judgments (2 the document sought or about the question, 1 also
 * right). Rank-based figures count the first grade-2 document: several files may deserve grade 2
 * (the same law filed under two folders, every version of the year asked for), and any of them at
 * the cut is a success. nDCG uses both grades, recall@100 every judged document. A hit that folds a
 * law's versions ({@link RankedHit}) counts them right after it.
 */
public record GradedMetrics(int queries, double mrr, double successAt1, double successAt10, double ndcgAt10, double recallAt100) {

  public static final int SOUGHT = 2;
  /** The ranks (hits) a ranking is judged to. */
  static final int DEPTH = 100;

  /** 1-based rank of the first grade-2 document in the ranking, 0 when absent. */
  public static int firstSought(List<String> ranked, Map<String, Integer> relevant) {
    for (int i = 0; i < ranked.size(); i++) {
      if (relevant.getOrDefault(ranked.get(i), 0) >= SOUGHT) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * One hit of a ranking: a document's corpus path and, for a hit that folds a law's versions, the
   * paths of the other versions listed on it.
   */
  public record RankedHit(String path, List<String> versions) {
    public RankedHit {
      versions = List.copyOf(versions);
    }
  }

  /** A ranking: corpus paths, best first. */
  public static GradedMetrics of(List<List<String>> rankings, List<Map<String, Integer>> judgments) {
    return ofHits(rankings.stream().map(r -> r.stream().map(p -> new RankedHit(p, List.of())).toList()).toList(), judgments);
  }

  /**
   * A ranking of hits that may fold versions. MRR, success@k and nDCG@10 read the versions listed on
   * a hit as ranked right after it (the page shows them there; never before the hit, so folding
   * cannot gain by it); recall@100 counts every version listed on the first 100 hits, as retrieved
   * where its hit is.
   */
  public static GradedMetrics ofHits(List<List<RankedHit>> rankings, List<Map<String, Integer>> judgments) {
    double rr = 0;
    double s1 = 0;
    double s10 = 0;
    double ndcg = 0;
    double recall = 0;
    for (int q = 0; q < rankings.size(); q++) {
      List<RankedHit> hits = rankings.get(q).subList(0, Math.min(DEPTH, rankings.get(q).size()));
      List<String> expanded = new java.util.ArrayList<>();
      hits.forEach(h -> {
        expanded.add(h.path());
        expanded.addAll(h.versions());
      });
      List<String> ranked = expanded.subList(0, Math.min(DEPTH, expanded.size()));
      Map<String, Integer> rel = judgments.get(q);
      int first = firstSought(ranked, rel);
      double dcg = 0;
      for (int i = 0; i < ranked.size() && i < 10; i++) {
        int grade = rel.getOrDefault(ranked.get(i), 0);
        if (grade > 0) {
          dcg += gain(grade, i);
        }
      }
      long found = expanded.stream().distinct().filter(p -> rel.getOrDefault(p, 0) > 0).count();
      List<Integer> ideal = rel.values().stream().sorted((a, b) -> b - a).toList();
      double idcg = 0;
      for (int i = 0; i < ideal.size() && i < 10; i++) {
        idcg += gain(ideal.get(i), i);
      }
      rr += first == 0 ? 0 : 1.0 / first;
      s1 += first == 1 ? 1 : 0;
      s10 += first > 0 && first <= 10 ? 1 : 0;
      ndcg += idcg == 0 ? 0 : dcg / idcg;
      recall += rel.isEmpty() ? 0 : found / (double) rel.size();
    }
    int n = Math.max(1, rankings.size());
    return new GradedMetrics(rankings.size(), rr / n, s1 / n, s10 / n, ndcg / n, recall / n);
  }

  private static double gain(int grade, int index) {
    return (Math.pow(2, grade) - 1) / (Math.log(index + 2) / Math.log(2));
  }

  /** The figures by name, as stored in the expected-values file. */
  public Map<String, Double> byName() {
    return java.util.Map.of("mrr", mrr, "s@1", successAt1, "s@10", successAt10, "ndcg@10", ndcgAt10, "recall@100", recallAt100);
  }
}
