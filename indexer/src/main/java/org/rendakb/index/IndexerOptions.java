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
 * @param maxSegments after the run, merge the index down to at most this many segments (0: leave
 *     them as the merge policy left them). A search pays per segment for each term and scorer, so a
 *     read-mostly archive searched after a bulk load is faster merged, at the cost of the merge.
 */
public record IndexerOptions(Path indexDir, List<Path> inputs, int threads, boolean full, Duration commitEvery,
    int maxSegments) {
  public static final Duration DEFAULT_COMMIT_EVERY = Duration.ofSeconds(30);

  public IndexerOptions {
    inputs = List.copyOf(inputs);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (commitEvery.isNegative() || commitEvery.isZero()) {
      throw new IllegalArgumentException("the commit interval must be positive, got " + commitEvery);
    }
    if (maxSegments < 0) {
      throw new IllegalArgumentException("the most segments to keep must be 0 (no merge) or more, got " + maxSegments);
    }
  }

  public IndexerOptions(Path indexDir, List<Path> inputs, int threads, boolean full, Duration commitEvery) {
    this(indexDir, inputs, threads, full, commitEvery, 0);
  }

  public IndexerOptions(Path indexDir, List<Path> inputs, int threads, boolean full) {
    this(indexDir, inputs, threads, full, DEFAULT_COMMIT_EVERY);
  }
}
