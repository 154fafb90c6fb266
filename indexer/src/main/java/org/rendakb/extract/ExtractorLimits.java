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
  public static ExtractorLimits defaults() {
    return new ExtractorLimits(10_000_000, Duration.ofSeconds(60), 200L * 1024 * 1024);
  }
}
