package org.rendakb.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rendakb.precedent.DraftText;
import org.rendakb.precedent.PrecedentHit;
import org.rendakb.precedent.PrecedentSearcher;
import org.rendakb.search.reader.ReaderSearcher;

/**
 * Precedent search on multi-sentence pastes, with spans and without (the searcher as it was) in
 * the same run: {@code holdsAll}, the share whose first hit holds every pasted sentence (the
 * strict score of spans); {@code holdsOne}, the share whose first hit holds at least one (what a
 * single-passage hit can reach); and the latency of each.
 */
final class SpanEvaluation {
  record Score(String kind, int pastes, double holdsAll, double holdsOne, double p50Ms, double p99Ms) {}

  /** {@code overlapping}: pastes (spans searcher) whose hits list two runs of one document that share a passage. */
  record Report(List<Score> spans, List<Score> single, List<String> misses, List<String> overlapping) {
    String markdown() {
      StringBuilder s = new StringBuilder("| searcher | kind | pastes | first hit holds all | holds one | p50 ms | p99 ms |\n");
      s.append("|---|---|---|---|---|---|---|\n");
      for (var rows : List.of(Map.entry("spans", spans), Map.entry("single passages", single))) {
        for (Score k : rows.getValue()) {
          s.append(String.format("| %s | %s | %d | %.3f | %.3f | %.1f | %.1f |%n", rows.getKey(), k.kind(), k.pastes(),
              k.holdsAll(), k.holdsOne(), k.p50Ms(), k.p99Ms()));
        }
      }
      s.append(String.format("%nSpans / single passages, same run, interleaved: p50 x%.2f, p99 x%.2f%n",
          spans.getLast().p50Ms() / single.getLast().p50Ms(), spans.getLast().p99Ms() / single.getLast().p99Ms()));
      s.append(String.format("%nPastes whose hits hold one passage twice (spans): %d%n", overlapping.size()));
      overlapping.forEach(m -> s.append("- ").append(m).append('\n'));
      if (!misses.isEmpty()) {
        s.append("\nFirst hit not holding every sentence (spans):\n");
        misses.forEach(m -> s.append("- ").append(m).append('\n'));
      }
      return s.toString();
    }
  }

  private SpanEvaluation() {}

  /**
   * Both searchers on each paste in turn (which goes first alternates), so that the load of the
   * machine weighs on both alike and their latencies can be compared as a ratio.
   */
  static Report run(ReaderSearcher searcher, List<PastedParagraphs.Paste> pastes) throws IOException {
    PrecedentSearcher spans = new PrecedentSearcher(true);
    PrecedentSearcher single = new PrecedentSearcher(false);
    for (var p : pastes.subList(0, Math.min(20, pastes.size()))) {
      spans.search(searcher, p.text(), null, PrecedentEvaluation.DEPTH); // warm-up
      single.search(searcher, p.text(), null, PrecedentEvaluation.DEPTH);
    }
    Map<String, List<double[]>> withSpans = new LinkedHashMap<>();
    Map<String, List<double[]>> without = new LinkedHashMap<>();
    List<String> misses = new ArrayList<>();
    List<String> overlapping = new ArrayList<>();
    for (int i = 0; i < pastes.size(); i++) {
      var p = pastes.get(i);
      if (i % 2 == 0) {
        withSpans.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(one(spans, searcher, p, misses, overlapping));
        without.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(one(single, searcher, p, null, null));
      } else {
        without.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(one(single, searcher, p, null, null));
        withSpans.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(one(spans, searcher, p, misses, overlapping));
      }
    }
    return new Report(scores(withSpans), scores(without), misses, overlapping);
  }

  /** {holds all, holds one, milliseconds} of one search. */
  private static double[] one(PrecedentSearcher precedents, ReaderSearcher searcher, PastedParagraphs.Paste p,
      List<String> misses, List<String> overlapping) throws IOException {
    long start = System.nanoTime();
    List<PrecedentHit> hits = precedents.search(searcher, p.text(), null, PrecedentEvaluation.DEPTH).hits();
    double ms = (System.nanoTime() - start) / 1e6;
    String first = hits.isEmpty() ? "" : DraftText.folded(PrecedentEvaluation.unmark(hits.getFirst().passage()));
    boolean all = p.sentences().stream().allMatch(s -> first.contains(DraftText.folded(s)));
    boolean one = p.sentences().stream().anyMatch(s -> first.contains(DraftText.folded(s)));
    if (!all && misses != null) {
      misses.add("[" + p.kind() + "] `" + p.text() + "` → `" + first + "`");
    }
    if (overlapping != null) {
      for (int a = 0; a < hits.size(); a++) {
        for (int b = a + 1; b < hits.size(); b++) {
          PrecedentHit x = hits.get(a);
          PrecedentHit y = hits.get(b);
          if (x.docId().equals(y.docId()) && x.position() <= y.endPosition() && y.position() <= x.endPosition()) {
            overlapping.add("`" + p.text() + "`: " + x.path() + " " + x.position() + "–" + x.endPosition() + " and "
                + y.position() + "–" + y.endPosition());
          }
        }
      }
    }
    return new double[] {all ? 1 : 0, one ? 1 : 0, ms};
  }

  private static List<Score> scores(Map<String, List<double[]>> byKind) {
    List<Score> out = new ArrayList<>();
    List<double[]> every = new ArrayList<>();
    byKind.forEach((kind, rows) -> {
      out.add(score(kind, rows));
      every.addAll(rows);
    });
    out.add(score("all", every));
    return out;
  }

  private static Score score(String kind, List<double[]> rows) {
    double[] ms = rows.stream().mapToDouble(r -> r[2]).sorted().toArray();
    return new Score(kind, rows.size(), rows.stream().mapToDouble(r -> r[0]).average().orElse(0),
        rows.stream().mapToDouble(r -> r[1]).average().orElse(0), PrecedentEvaluation.percentile(ms, 0.5),
        PrecedentEvaluation.percentile(ms, 0.99));
  }
}
