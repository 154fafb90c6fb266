package org.rendakb.extract;

import java.time.Duration;

/**
 * Bounds on the work spent on one file, so that a hostile or huge file cannot stall a run.
 *
 * @param maxChars text kept per file; beyond it the text is truncated (and says so), not failed
 * @param timeout parse time per file; beyond it the file is skipped with that reason
 * @param maxFileBytes files larger than this are skipped without being opened
 */
public record ExtractorLimits(int maxChars, Duration timeout, long maxFileBytes) {
  /**
   * Heap needed to index one char of text, peak: a file and all its passages go to the index in
   * one atomic block, so their postings stay in memory together (measured: a 10-million-char file
   * indexes in a 1 GB heap and fails in 512 MB, so 50–100 bytes a char; this keeps a margin).
   */
  static final long HEAP_BYTES_PER_CHAR = 100;

  public static ExtractorLimits defaults() {
    return new ExtractorLimits(10_000_000, Duration.ofSeconds(60), 200L * 1024 * 1024);
  }

  /**
   * These limits with the text per file lowered, if need be, so that {@code parallel} files at
   * once, each at the limit, fit in {@code maxHeapBytes} with room for the rest of the program:
   * one giant file is then truncated (kept, and noted) instead of exhausting the heap.
   */
  public ExtractorLimits forHeap(long maxHeapBytes, int parallel) {
    long fits = maxHeapBytes / (parallel + 1L) / HEAP_BYTES_PER_CHAR;
    return new ExtractorLimits((int) Math.max(100_000, Math.min(maxChars, fits)), timeout, maxFileBytes);
  }
}
