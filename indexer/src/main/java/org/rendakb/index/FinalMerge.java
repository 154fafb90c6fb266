package org.rendakb.index;

/**
 * What a run merges once its files are committed. A search pays per segment for each term and
 * scorer (on the corpus, one segment answers topic searches in about three quarters of the time of
 * the five a two-thread bulk load leaves), while a merge rewrites the index. So the default merges
 * into one segment only after a bulk load, a run that started from an index without files (a
 * first build or {@code --full}), and leaves the few small segments of an incremental run to
 * Lucene's merge policy.
 *
 * @param maxSegments at most this many segments after the run; 0 never merges
 * @param onlyAfterBulkLoad merge only when the index held no files before the run
 */
public record FinalMerge(int maxSegments, boolean onlyAfterBulkLoad) {
  public static final FinalMerge NONE = new FinalMerge(0, false);
  public static final FinalMerge AFTER_BULK_LOAD = new FinalMerge(1, true);
  /** How the default is written on the command line and in the environment. */
  public static final String AUTO = "auto";

  public FinalMerge {
    if (maxSegments < 0) {
      throw new IllegalArgumentException("the most segments to keep must be 0 (no merge) or more, got " + maxSegments);
    }
  }

  /** After every run, down to at most {@code maxSegments} (0: never). */
  public static FinalMerge always(int maxSegments) {
    return new FinalMerge(maxSegments, false);
  }

  /**
   * {@value #AUTO} or a number of segments (0: no merge).
   *
   * @throws IllegalArgumentException for anything else, with a message for the user
   */
  public static FinalMerge parse(String text) {
    String t = text.strip();
    if (t.equalsIgnoreCase(AUTO)) {
      return AFTER_BULK_LOAD;
    }
    try {
      return always(Integer.parseInt(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected '" + AUTO + "' or a number of segments (0: no merge), got '" + text + "'");
    }
  }

  /** The segments to merge down to after a run (0: none); {@code bulkLoad}: the index held no files before it. */
  public int segmentsAfter(boolean bulkLoad) {
    return onlyAfterBulkLoad && !bulkLoad ? 0 : maxSegments;
  }
}
