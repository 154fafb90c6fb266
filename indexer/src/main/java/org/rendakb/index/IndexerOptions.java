package org.rendakb.index;

import java.nio.file.Path;
import java.util.List;

/**
 * One indexing run.
 *
 * @param indexDir the Lucene index folder (created when missing)
 * @param inputs files or folders (recursive); a path in the index is relative to its input folder
 * @param threads parsing and analysis threads
 * @param full rebuild from scratch instead of syncing by content hash
 */
public record IndexerOptions(Path indexDir, List<Path> inputs, int threads, boolean full) {
  public IndexerOptions {
    inputs = List.copyOf(inputs);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }
}
