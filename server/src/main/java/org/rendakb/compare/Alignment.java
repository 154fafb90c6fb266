package org.rendakb.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pairs the units of two versions in order by content, not by number: the order-keeping pairing
 * with the greatest total similarity (a sequence alignment whose gaps cost nothing and whose pairs
 * score their bigram similarity), so an article renumbered by an insertion meets its old self
 * and the inserted one stands alone.
 */
final class Alignment {
  /** Below this bigram Dice two units are different provisions, not two wordings of one. */
  static final double MATCH = 0.45;

  /** One row: indexes into a and b, -1 for none. */
  record Pair(int a, int b) {}

  private Alignment() {}

  /** The pairs in the order of b, each unit of a placed before the b unit that followed it. */
  static List<Pair> of(List<Unit> a, List<Unit> b) {
    int n = a.size();
    int m = b.size();
    int[][] gramsA = a.stream().map(u -> grams(u.body())).toArray(int[][]::new);
    int[][] gramsB = b.stream().map(u -> grams(u.body())).toArray(int[][]::new);
    double[][] best = new double[n + 1][m + 1];
    byte[][] move = new byte[n + 1][m + 1]; // 0 skip a, 1 skip b, 2 pair
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        double skipA = best[i - 1][j];
        double skipB = best[i][j - 1];
        double s = similarity(a.get(i - 1), b.get(j - 1), gramsA[i - 1], gramsB[j - 1]);
        double pair = s >= MATCH ? best[i - 1][j - 1] + s : -1;
        if (pair >= skipA && pair >= skipB) {
          best[i][j] = pair;
          move[i][j] = 2;
        } else if (skipA >= skipB) {
          best[i][j] = skipA;
          move[i][j] = 0;
        } else {
          best[i][j] = skipB;
          move[i][j] = 1;
        }
      }
    }
    List<Pair> reversed = new ArrayList<>();
    int i = n;
    int j = m;
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0 && move[i][j] == 2) {
        reversed.add(new Pair(--i, --j));
      } else if (j == 0 || (i > 0 && move[i][j] == 0)) {
        reversed.add(new Pair(--i, -1));
      } else {
        reversed.add(new Pair(-1, --j));
      }
    }
    return reversed.reversed();
  }

  private static double similarity(Unit x, Unit y, int[] gx, int[] gy) {
    if (x.body().equals(y.body())) {
      return 1;
    }
    if (gx.length == 0 || gy.length == 0) {
      return 0;
    }
    int shared = 0;
    for (int p = 0, q = 0; p < gx.length && q < gy.length; ) {
      if (gx[p] == gy[q]) {
        shared++;
        p++;
        q++;
      } else if (gx[p] < gy[q]) {
        p++;
      } else {
        q++;
      }
    }
    return 2.0 * shared / (gx.length + gy.length);
  }

  /** The distinct char bigrams of a folded body, each packed in an int, sorted. */
  private static int[] grams(String body) {
    int[] out = new int[Math.max(0, body.length() - 1)];
    for (int k = 0; k + 1 < body.length(); k++) {
      out[k] = (body.charAt(k) << 16) | body.charAt(k + 1);
    }
    return Arrays.stream(out).sorted().distinct().toArray();
  }
}
