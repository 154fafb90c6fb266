package org.rendakb.hybrid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Fuses the lexical and the meaning list into one score per document.
 */
public final class Fusion {
  private Fusion() {}

  // TUNING (temporary): chosen by measurement, then fixed
  static final String RULE = System.getProperty("fusion.rule", "rrf");
  static final int K = Integer.getInteger("fusion.k", 60);
  static final float LEXICAL_WEIGHT = Float.parseFloat(System.getProperty("fusion.wl", "1"));
  static final float MEANING_WEIGHT = Float.parseFloat(System.getProperty("fusion.wm", "1"));
  static final float ALPHA = Float.parseFloat(System.getProperty("fusion.alpha", "0.5"));

  /**
   * @param lexical best first, with BM25 scores (partial matches after full ones, flagged by {@code partialFrom})
   * @param meaning best first, with similarities in 0..1
   */
  public static Map<Integer, Float> fuse(List<ScoreDoc> lexical, int partialFrom, List<ScoreDoc> meaning) {
    Map<Integer, Float> fused = new HashMap<>();
    if (RULE.equals("rrf")) {
      for (int rank = 0; rank < lexical.size(); rank++) {
        fused.merge(lexical.get(rank).doc, LEXICAL_WEIGHT / (K + rank + 1), Float::sum);
      }
      for (int rank = 0; rank < meaning.size(); rank++) {
        fused.merge(meaning.get(rank).doc, MEANING_WEIGHT / (K + rank + 1), Float::sum);
      }
      return fused;
    }
    // convex: lexical scores over the best full match (partial ones over the best partial one, halved)
    float maxFull = 0;
    float maxPartial = 0;
    for (int i = 0; i < lexical.size(); i++) {
      if (i < partialFrom) {
        maxFull = Math.max(maxFull, lexical.get(i).score);
      } else {
        maxPartial = Math.max(maxPartial, lexical.get(i).score);
      }
    }
    for (int i = 0; i < lexical.size(); i++) {
      float s = i < partialFrom ? lexical.get(i).score / maxFull : 0.5f * lexical.get(i).score / maxPartial;
      fused.put(lexical.get(i).doc, ALPHA * s);
    }
    float minSim = meaning.isEmpty() ? 0 : meaning.get(meaning.size() - 1).score;
    float maxSim = meaning.isEmpty() ? 1 : meaning.get(0).score;
    for (ScoreDoc sd : meaning) {
      float s = maxSim == minSim ? 1 : (sd.score - minSim) / (maxSim - minSim);
      fused.merge(sd.doc, (1 - ALPHA) * s + 1e-6f, Float::sum);
    }
    // every listed document scores above zero, so that FusedQuery keeps it above unlisted matches
    fused.replaceAll((d, s) -> s + 1e-6f);
    return fused;
  }
}
