package org.rendakb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.rendakb.search.reader.Versions.Version;
import org.rendakb.search.reader.Versions;

/**
 * The versions of one law folded into one hit of a ranked list. The hit stays where the law's
 * best-ranked version ranks, with that version's score, so the order of the list is untouched;
 * what changes is which version it shows and that the others are listed on it. In relevance order
 * it shows, for a query naming a year, the version of that year; otherwise the newest of those that
 * match about as well as the best ({@link #ABOUT_EQUAL}). In date order it shows the first.
 */
final class VersionFolding {
  /** Versions scoring within this fraction of the best match it about equally. */
  static final float ABOUT_EQUAL = 0.05f;

  private VersionFolding() {}

  /** A document of the ranked list and whether it is a partial match. */
  record Ranked(ScoreDoc doc, boolean partial) {}

  /**
   * One hit after folding.
   *
   * @param shown the Lucene doc id of the version shown
   * @param ranked the entry the hit ranks as (its law's best-ranked version), for the score
   * @param others the law's other versions, newest first; empty for a document without versions
   */
  record Hit(int shown, Ranked ranked, List<Version> others) {}

  /**
   * Folds a ranked list. {@code folded} are laws already listed before this list starts (a partial
   * match of a law found among the full matches is folded into that hit): their versions are left out.
   */
  static List<Hit> fold(List<Ranked> ranked, Versions versions, Set<Integer> years, boolean byRelevance, Set<Integer> folded) {
    Map<Integer, List<Ranked>> present = new HashMap<>();
    for (Ranked r : ranked) {
      int g = versions.group(r.doc().doc);
      if (g >= 0) {
        present.computeIfAbsent(g, k -> new ArrayList<>()).add(r);
      }
    }
    Set<Integer> listed = new HashSet<>(folded);
    List<Hit> hits = new ArrayList<>(ranked.size());
    for (Ranked r : ranked) {
      int g = versions.group(r.doc().doc);
      if (g < 0) {
        hits.add(new Hit(r.doc().doc, r, List.of()));
      } else if (listed.add(g)) {
        int shown = byRelevance ? representative(present.get(g), versions.members(g), years) : r.doc().doc;
        hits.add(new Hit(shown, r, versions.members(g).stream().filter(v -> v.doc() != shown).toList()));
      }
    }
    return hits;
  }

  /** The version a law's hit shows, among its versions in the list (best first, the first one the hit ranks as). */
  private static int representative(List<Ranked> candidates, List<Version> newestFirst, Set<Integer> years) {
    Ranked best = candidates.getFirst();
    List<Ranked> alike = candidates.stream().filter(c -> c.partial() == best.partial()).toList();
    Map<Integer, Version> byDoc = new HashMap<>();
    newestFirst.forEach(v -> byDoc.put(v.doc(), v));
    if (!years.isEmpty()) {
      for (Ranked c : alike) {
        Integer year = byDoc.get(c.doc().doc).year();
        if (year != null && years.contains(year)) {
          return c.doc().doc;
        }
      }
    }
    // the newest of the versions that match about as well as the best; of equal dates, the better match
    float floor = score(best) * (1 - ABOUT_EQUAL);
    Ranked shown = best;
    for (Ranked c : alike) {
      if (score(c) >= floor && date(byDoc.get(c.doc().doc)).compareTo(date(byDoc.get(shown.doc().doc))) > 0) {
        shown = c;
      }
    }
    return shown.doc().doc;
  }

  private static String date(Version v) {
    return v.date() == null ? "" : v.date();
  }

  private static float score(Ranked r) {
    return r.doc() instanceof org.apache.lucene.search.FieldDoc fd && fd.fields[0] instanceof Float f ? f : r.doc().score;
  }

  /** The laws with versions among the documents {@code query} matches, and how many of those documents are not their law's first. */
  record Matched(Set<Integer> laws, int folded) {}

  /** Which laws with versions {@code query} matches: one search over the few documents that have versions. */
  static Matched matched(IndexSearcher searcher, Query query, Versions versions) throws IOException {
    if (versions.members() == null) {
      return new Matched(Set.of(), 0);
    }
    Query q = new BooleanQuery.Builder().add(query, Occur.FILTER).add(versions.members(), Occur.FILTER).build();
    return matched(searcher.search(q, versions.foldable() + versions.laws()).scoreDocs, versions);
  }

  /** Which laws with versions are among {@code docs}, and how many of those documents fold into another's hit. */
  static Matched matched(ScoreDoc[] docs, Versions versions) {
    Map<Integer, Integer> perLaw = new HashMap<>();
    for (ScoreDoc sd : docs) {
      int law = versions.group(sd.doc);
      if (law >= 0) {
        perLaw.merge(law, 1, Integer::sum);
      }
    }
    int folded = perLaw.values().stream().mapToInt(n -> n - 1).sum();
    return new Matched(Set.copyOf(perLaw.keySet()), folded);
  }
}
