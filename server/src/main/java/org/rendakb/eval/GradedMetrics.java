package org.rendakb.eval;

import java.util.List;
import java.util.Map;

/**
 * MRR, success@1, success@10, nDCG@10 and recall@100 of a group of queries, from each query's
 * ranked corpus paths and graded judgments.
 */
public record GradedMetrics(int queries, double mrr, double successAt1, double successAt10, double ndcgAt10, double recallAt100) {

  /** A ranking: corpus paths, best first. */
  public static GradedMetrics of(List<List<String>> rankings, List<Map<String, Integer>> judgments) {
    double rr = 0;
    double s1 = 0;
    double s10 = 0;
    double ndcg = 0;
    double recall = 0;
    for (int q = 0; q < rankings.size(); q++) {
      List<String> ranked = rankings.get(q);
      Map<String, Integer> rel = judgments.get(q);
      int first = 0;
      double dcg = 0;
      int found = 0;
      for (int i = 0; i < ranked.size() && i < 100; i++) {
        int grade = rel.getOrDefault(ranked.get(i), 0);
        if (grade > 0) {
          found++;
          if (first == 0) {
            first = i + 1;
          }
          if (i < 10) {
            dcg += (Math.pow(2, grade) - 1) / (Math.log(i + 2) / Math.log(2));
          }
        }
      }
      List<Integer> ideal = rel.values().stream().sorted((a, b) -> b - a).toList();
      double idcg = 0;
      for (int i = 0; i < ideal.size() && i < 10; i++) {
        idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
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
}
