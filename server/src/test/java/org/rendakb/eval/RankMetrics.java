package org.rendakb.eval;

import java.util.List;

/**
 * Rank-based metrics of a group of queries, each reduced to the 1-based rank of its first right
 * answer (0 when not found in the list).
 */
public record RankMetrics(int queries, double mrr, double successAt1, double successAt10) {

  public static RankMetrics of(List<Integer> ranks) {
    double rr = 0;
    int at1 = 0;
    int at10 = 0;
    for (int rank : ranks) {
      if (rank > 0) {
        rr += 1.0 / rank;
        at1 += rank == 1 ? 1 : 0;
        at10 += rank <= 10 ? 1 : 0;
      }
    }
    int n = Math.max(1, ranks.size());
    return new RankMetrics(ranks.size(), rr / n, at1 / (double) n, at10 / (double) n);
  }

  public String row(String name) {
    return String.format("| %s | %d | %.3f | %.3f | %.3f |", name, queries, mrr, successAt1, successAt10);
  }
}
