package org.rendakb.api;

import org.rendakb.hybrid.MeaningSearch;
import org.rendakb.hybrid.QueryVectors;
import org.rendakb.semantic.Embedder;
import org.rendakb.semantic.SemanticUnavailableException;

/** The embedding model, loaded once for the test JVM (about a second and 100 MB each time otherwise). */
public final class TestMeaning {
  private TestMeaning() {}

  private static MeaningSearch search;

  /** Search by meaning as the server runs it. */
  public static synchronized MeaningSearch search() {
    if (search == null) {
      try {
        search = new MeaningSearch(new QueryVectors(Embedder.load()));
      } catch (SemanticUnavailableException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
    return search;
  }
}
