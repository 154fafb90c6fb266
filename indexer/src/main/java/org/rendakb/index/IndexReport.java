package org.rendakb.index;

import java.util.List;

/**
 * The outcome of one run, written as JSON by {@code --report}.
 *
 * @param documents source documents in the index after the run
 * @param passages passages in the index after the run
 * @param seconds the whole run
 * @param mergeSeconds of those, the final merge (0 when the run merged nothing)
 */
public record IndexReport(
    int added,
    int updated,
    int unchanged,
    int moved,
    int deleted,
    List<Failure> failed,
    int documents,
    int passages,
    double seconds,
    double mergeSeconds) {

  public IndexReport {
    failed = List.copyOf(failed);
  }

  /** A file that was not indexed, and why, in words a person understands. */
  public record Failure(String path, String reason) {}
}
