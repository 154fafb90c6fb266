package org.rendakb.compare;

import java.util.ArrayList;
import java.util.List;
import org.rendakb.schema.FoldingCharFilter;

/**
 * The characters two versions of a unit do not share, by longest common subsequence of their
 * folded forms (so （ and ( are the same character, as the same/changed decision has it): on the
 * older side the deleted runs, on the newer the inserted ones. The common head and tail are cut
 * first (most amendments change a few words), and a pair still too long for the table is marked
 * whole. A kept run no longer than the changes on both sides of it is folded into them, so
 * 收养法 → 民法典 reads as one change rather than 收养·法·典 around a shared 法.
 */
final class CharDiff {
  /** Cells of the LCS table at most (4 bytes each): an article of a few hundred chars is far below. */
  static final long MAX_CELLS = 4_000_000;

  private static final String FULL_WIDTH_CLAUSE = "，；：（）！？";
  private static final String HALF_WIDTH_CLAUSE = ",;:()!?";

  record Sides(List<Piece> a, List<Piece> b) {}

  /** A run of the edit script: kept (in both), deleted (a only) or inserted (b only), {@code length} chars. */
  private record Op(char kind, int length) {}

  private CharDiff() {}

  static Sides of(String a, String b) {
    String x = comparable(a);
    String y = comparable(b);
    int head = 0;
    while (head < x.length() && head < y.length() && x.charAt(head) == y.charAt(head)) {
      head++;
    }
    int tail = 0;
    while (tail < x.length() - head && tail < y.length() - head
        && x.charAt(x.length() - 1 - tail) == y.charAt(y.length() - 1 - tail)) {
      tail++;
    }
    List<Op> ops = new ArrayList<>();
    add(ops, '=', head);
    String mx = x.substring(head, x.length() - tail);
    String my = y.substring(head, y.length() - tail);
    if ((long) mx.length() * my.length() > MAX_CELLS) {
      add(ops, '-', mx.length());
      add(ops, '+', my.length());
    } else {
      middle(mx, my, ops);
    }
    add(ops, '=', tail);
    return sides(a, b, cleaned(ops));
  }

  /** Folded, and clause punctuation (kept full-width by the folding) made half-width too; one char for one. */
  private static String comparable(String text) {
    char[] out = FoldingCharFilter.fold(text).toCharArray();
    for (int i = 0; i < out.length; i++) {
      int at = FULL_WIDTH_CLAUSE.indexOf(out[i]);
      if (at >= 0) {
        out[i] = HALF_WIDTH_CLAUSE.charAt(at);
      }
    }
    return new String(out);
  }

  private static void middle(String x, String y, List<Op> ops) {
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
        add(ops, '=', 1);
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        add(ops, '+', 1);
        j++;
      } else {
        add(ops, '-', 1);
        i++;
      }
    }
  }

  /** Appends a run, joining it to the last one of the same kind. */
  private static void add(List<Op> ops, char kind, int length) {
    if (length == 0) {
      return;
    }
    if (!ops.isEmpty() && ops.getLast().kind() == kind) {
      ops.add(new Op(kind, ops.removeLast().length() + length));
    } else {
      ops.add(new Op(kind, length));
    }
  }

  /**
   * A kept run inside a replacement, no longer than the longer change on each side of it, becomes
   * part of the change (the rule of diff-match-patch's semantic cleanup).
   */
  private static List<Op> cleaned(List<Op> ops) {
    List<Op> out = ops;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int k = 1; k + 1 < out.size(); k++) {
        Op kept = out.get(k);
        if (kept.kind() != '=') {
          continue;
        }
        int[] before = edits(out, k, -1);
        int[] after = edits(out, k, 1);
        // only inside a replacement: a kept run between two insertions is text that stayed
        boolean replaced = before[0] + after[0] > 0 && before[1] + after[1] > 0;
        if (!replaced || kept.length() > Math.max(before[0], before[1]) || kept.length() > Math.max(after[0], after[1])) {
          continue;
        }
        List<Op> next = new ArrayList<>();
        for (int q = 0; q < out.size(); q++) {
          if (q == k) {
            add(next, '-', kept.length());
            add(next, '+', kept.length());
          } else {
            add(next, out.get(q).kind(), out.get(q).length());
          }
        }
        out = normalised(next);
        changed = true;
        break;
      }
    }
    return out;
  }

  /** {deleted, inserted} chars between the kept run at {@code k} and the next kept run in direction {@code step}. */
  private static int[] edits(List<Op> ops, int k, int step) {
    int[] out = new int[2];
    for (int q = k + step; q >= 0 && q < ops.size() && ops.get(q).kind() != '='; q += step) {
      out[ops.get(q).kind() == '-' ? 0 : 1] += ops.get(q).length();
    }
    return out;
  }

  /** Between two kept runs, all deletions first, then all insertions. */
  private static List<Op> normalised(List<Op> ops) {
    List<Op> out = new ArrayList<>();
    int del = 0;
    int ins = 0;
    for (Op op : ops) {
      if (op.kind() == '=') {
        add(out, '-', del);
        add(out, '+', ins);
        del = 0;
        ins = 0;
        add(out, '=', op.length());
      } else if (op.kind() == '-') {
        del += op.length();
      } else {
        ins += op.length();
      }
    }
    add(out, '-', del);
    add(out, '+', ins);
    return out;
  }

  /** The script applied to the texts as written (folding keeps one char for one). */
  private static Sides sides(String a, String b, List<Op> ops) {
    List<Piece> left = new ArrayList<>();
    List<Piece> right = new ArrayList<>();
    int i = 0;
    int j = 0;
    for (Op op : ops) {
      switch (op.kind()) {
        case '=' -> {
          left.add(new Piece(a.substring(i, i + op.length()), false));
          right.add(new Piece(b.substring(j, j + op.length()), false));
          i += op.length();
          j += op.length();
        }
        case '-' -> {
          left.add(new Piece(a.substring(i, i + op.length()), true));
          i += op.length();
        }
        default -> {
          right.add(new Piece(b.substring(j, j + op.length()), true));
          j += op.length();
        }
      }
    }
    return new Sides(List.copyOf(left), List.copyOf(right));
  }
}
