package org.rendakb.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One indexing run.
 *
 * @param indexDir the Lucene index folder (created when missing)
 * @param inputs files or folders (recursive); a path in the index is relative to its input folder
 * @param threads parsing and analysis threads
 * @param full rebuild from scratch instead of syncing by content hash
 * @param commitEvery how often a long run commits what it has done, so a crash loses at most that
 * @param finalMerge what to merge once the run's files are committed
 */
public record IndexerOptions(Path indexDir, List<Path> inputs, int threads, boolean full, Duration commitEvery,
    FinalMerge finalMerge) {
  public static final Duration DEFAULT_COMMIT_EVERY = Duration.ofSeconds(30);

  public IndexerOptions {
    inputs = List.copyOf(inputs);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (commitEvery.isNegative() || commitEvery.isZero()) {
      throw new IllegalArgumentException("the commit interval must be positive, got " + commitEvery);
    }
  }

  /**
   * A run that merges nothing at the end (Lucene's merge policy still merges as it goes). The
   * command line's default is {@link FinalMerge#AFTER_BULK_LOAD}.
   */
  public IndexerOptions(Path indexDir, List<Path> inputs, int threads, boolean full, Duration commitEvery) {
    this(indexDir, inputs, threads, full, commitEvery, FinalMerge.NONE);
  }

  public IndexerOptions(Path indexDir, List<Path> inputs, int threads, boolean full) {
    this(indexDir, inputs, threads, full, DEFAULT_COMMIT_EVERY);
  }
}
