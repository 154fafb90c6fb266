package org.rendakb.precedent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.rendakb.schema.PassageTexts;

/**
 * A pasted paragraph as the run of consecutive passages it came from. The best candidates are
 * grown, passage by passage, over the neighbours of their document (a file's passages are one
 * block, so a passage's neighbours are the docs beside it) that the text covers, as long as the
 * run is more like the text than the run before. A seed must itself lie mostly inside the text, and
 * a run of two or more passages replaces its members only when it is more like the text than each
 * of them; a text that one passage already holds is not grown, so single-sentence searches rank as
 * before.
 */
final class Spans {
  /** Candidates, best first, that may grow into a span. */
  static final int SEEDS = 5;
  /** A neighbour joins when at least this share of its bigrams is in the text. */
  static final double COVERED = 0.6;
  /** A candidate covering this share of the text's bigrams is the whole paste: no span. */
  static final double WHOLE = 0.9;
  /** Passages in a span at most: a paste of 2,000 chars is twenty sentences or so. */
  static final int MAX_PASSAGES = 24;

  private Spans() {}

  /** The candidates with the best grown into spans, sorted again, members of a span removed. */
  static List<PrecedentSearcher.Candidate> grow(IndexReader reader, List<PrecedentSearcher.Candidate> ranked,
      String folded, Set<String> queryGrams) throws IOException {
    List<PrecedentSearcher.Candidate> spans = new ArrayList<>();
    for (PrecedentSearcher.Candidate seed : ranked.subList(0, Math.min(SEEDS, ranked.size()))) {
      if (seed.exact() || ofText(seed.canonical(), queryGrams) >= WHOLE || inText(seed.canonical(), queryGrams) < COVERED
          || spans.stream().anyMatch(s -> s.holds(seed))) {
        continue;
      }
      PrecedentSearcher.Candidate span = grow(reader, seed, folded, queryGrams);
      if (span != seed && beatsItsMembers(span, ranked)) {
        spans.add(span);
      }
    }
    if (spans.isEmpty()) {
      return ranked;
    }
    // two seeds of one document may grow into runs that share passages (22–24 and 22–25): the
    // better run is the place, the other would list the same sentences twice
    spans.sort(PrecedentSearcher.RANKING);
    List<PrecedentSearcher.Candidate> kept = new ArrayList<>();
    for (PrecedentSearcher.Candidate s : spans) {
      if (kept.stream().noneMatch(k -> overlap(k, s))) {
        kept.add(s);
      }
    }
    List<PrecedentSearcher.Candidate> out = new ArrayList<>(kept);
    for (PrecedentSearcher.Candidate c : ranked) {
      if (kept.stream().noneMatch(s -> s.holds(c))) {
        out.add(c);
      }
    }
    out.sort(PrecedentSearcher.RANKING);
    return out;
  }

  private static boolean overlap(PrecedentSearcher.Candidate a, PrecedentSearcher.Candidate b) {
    return a.parent().equals(b.parent()) && a.doc() <= b.lastDoc() && b.doc() <= a.lastDoc();
  }

  /** A span replaces its passages only when it is the better answer than each of them alone. */
  private static boolean beatsItsMembers(PrecedentSearcher.Candidate span, List<PrecedentSearcher.Candidate> ranked) {
    for (PrecedentSearcher.Candidate c : ranked) {
      if (span.holds(c) && (c.exact() || c.similarity() >= span.similarity())) {
        return false;
      }
    }
    return true;
  }

  private static PrecedentSearcher.Candidate grow(IndexReader reader, PrecedentSearcher.Candidate seed, String folded,
      Set<String> queryGrams) throws IOException {
    PrecedentSearcher.Candidate best = seed;
    int first = seed.doc();
    int last = seed.doc();
    StringBuilder text = new StringBuilder(seed.text());
    boolean grew = true;
    while (grew && !best.exact() && last - first + 1 < MAX_PASSAGES) {
      grew = false;
      for (int side : new int[] {-1, 1}) {
        int doc = side < 0 ? first - 1 : last + 1;
        String neighbour = doc < 0 || doc >= reader.maxDoc() ? null : PassageTexts.of(reader, doc);
        if (neighbour == null || inText(DraftText.canonical(neighbour), queryGrams) < COVERED) {
          continue;
        }
        String joined = side < 0 ? neighbour + text : text + neighbour;
        PrecedentSearcher.Candidate run = PrecedentSearcher.candidate(side < 0 ? doc : first, side < 0 ? last : doc,
            seed, joined, folded, queryGrams);
        if (run.exact() || run.similarity() > best.similarity()) {
          best = run;
          text.setLength(0);
          text.append(joined);
          first = Math.min(first, doc);
          last = Math.max(last, doc);
          grew = true;
        }
      }
    }
    return best;
  }

  /** The share of a passage's bigrams (canonical form) that are in the text. */
  private static double inText(String canonical, Set<String> queryGrams) {
    Set<String> grams = DraftText.bigrams(canonical);
    return shared(grams, queryGrams) / (double) Math.max(1, grams.size());
  }

  /** The share of the text's bigrams that a passage (canonical form) holds. */
  private static double ofText(String canonical, Set<String> queryGrams) {
    return shared(DraftText.bigrams(canonical), queryGrams) / (double) Math.max(1, queryGrams.size());
  }

  private static int shared(Set<String> grams, Set<String> queryGrams) {
    int shared = 0;
    for (String g : grams) {
      if (queryGrams.contains(g)) {
        shared++;
      }
    }
    return shared;
  }
}
