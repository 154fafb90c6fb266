package org.rendakb.hybrid;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rendakb.semantic.Embedder;

/**
 * The meaning vectors of queries, with the last few hundred kept: turning a page, clicking a facet
 * or exporting the list repeats a query, and the model's few milliseconds are a search's largest
 * cost after that.
 */
public final class QueryVectors {
  private static final int KEPT = 512;
  /**
   * bge's instruction for a short query looking for passages: on the concept set it raised the
   * meaning list's MRR from 0.583 to 0.610 and the fused one from 0.816 to 0.833.
   */
  static final String INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

  private final Embedder embedder;
  private final Map<String, float[]> recent = new LinkedHashMap<>(KEPT, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
      return size() > KEPT;
    }
  };

  public QueryVectors(Embedder embedder) {
    this.embedder = embedder;
  }

  public float[] of(String query) {
    synchronized (recent) {
      float[] v = recent.get(query);
      if (v != null) {
        return v;
      }
    }
    // outside the lock: two threads may embed the same new query, which costs less than waiting
    float[] v = embedder.embed(INSTRUCTION + query);
    synchronized (recent) {
      recent.put(query, v);
    }
    return v;
  }
}
