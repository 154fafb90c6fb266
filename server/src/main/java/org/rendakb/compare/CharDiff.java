package org.rendakb.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The characters two versions of a unit do not share, by longest common subsequence: on the older
 * side the deleted runs, on the newer the inserted ones. The common head and tail are cut first
 * (most amendments change a few words), and a pair still too long for the table is marked whole.
 */
final class CharDiff {
  /** Cells of the LCS table at most (4 bytes each): an article of a few hundred chars is far below. */
  static final long MAX_CELLS = 4_000_000;

  record Sides(List<Piece> a, List<Piece> b) {}

  private CharDiff() {}

  static Sides of(String a, String b) {
    int head = 0;
    while (head < a.length() && head < b.length() && a.charAt(head) == b.charAt(head)) {
      head++;
    }
    int tail = 0;
    while (tail < a.length() - head && tail < b.length() - head
        && a.charAt(a.length() - 1 - tail) == b.charAt(b.length() - 1 - tail)) {
      tail++;
    }
    String x = a.substring(head, a.length() - tail);
    String y = b.substring(head, b.length() - tail);
    Runs left = new Runs();
    Runs right = new Runs();
    left.add(a.substring(0, head), false);
    right.add(b.substring(0, head), false);
    if ((long) x.length() * y.length() > MAX_CELLS) {
      left.add(x, true);
      right.add(y, true);
    } else {
      middle(x, y, left, right);
    }
    left.add(a.substring(a.length() - tail), false);
    right.add(b.substring(b.length() - tail), false);
    return new Sides(left.pieces(), right.pieces());
  }

  private static void middle(String x, String y, Runs left, Runs right) {
    int n = x.length();
    int m = y.length();
    // lcs[i][j]: length of the LCS of x[i..] and y[j..], walked forward below
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = x.charAt(i) == y.charAt(j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x.charAt(i) == y.charAt(j)) {
        left.add(String.valueOf(x.charAt(i++)), false);
        right.add(String.valueOf(y.charAt(j++)), false);
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        right.add(String.valueOf(y.charAt(j++)), true);
      } else {
        left.add(String.valueOf(x.charAt(i++)), true);
      }
    }
  }

  /** Pieces with neighbours of the same kind joined. */
  private static final class Runs {
    private final List<Piece> done = new ArrayList<>();
    private final StringBuilder run = new StringBuilder();
    private boolean changed;

    void add(String text, boolean changed) {
      if (text.isEmpty()) {
        return;
      }
      if (run.length() > 0 && this.changed != changed) {
        done.add(new Piece(run.toString(), this.changed));
        run.setLength(0);
      }
      this.changed = changed;
      run.append(text);
    }

    List<Piece> pieces() {
      if (run.length() > 0) {
        done.add(new Piece(run.toString(), changed));
        run.setLength(0);
      }
      return List.copyOf(done);
    }
  }
}
