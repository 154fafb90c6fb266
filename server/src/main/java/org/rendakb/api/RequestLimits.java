package org.rendakb.api;

import java.time.Duration;

/**
 * How many expensive requests (searches and their exports and counts, precedent searches,
 * documents, their text, marks and similar documents, comparisons) the server works on at once, server-wide: more wait in a queue, and beyond the queue,
 * or after waiting {@code maxWait}, are answered 503 with Retry-After. One such request on a very
 * large document holds tens of MB while it runs, so this bounds the memory anonymous clients can
 * take together, not only each one.
 *
 * @param parallel requests worked on at once
 * @param queued requests waiting at most; more are refused at once
 * @param maxWait the longest a request waits for its turn
 */
public record RequestLimits(int parallel, int queued, Duration maxWait) {
  public static final String PARALLEL_ENV = "KB_MAX_PARALLEL_REQUESTS";
  public static final String QUEUED_ENV = "KB_MAX_QUEUED_REQUESTS";
  public static final int DEFAULT_QUEUED = 64;
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  public RequestLimits {
    if (parallel < 1 || queued < 0) {
      throw new IllegalArgumentException("at least one request at once and a queue of 0 or more, got "
          + parallel + " and " + queued);
    }
  }

  /** Twice the processors (at least 4) at once, 64 waiting for up to 10 s. */
  public static RequestLimits defaults() {
    return new RequestLimits(defaultParallel(), DEFAULT_QUEUED, DEFAULT_WAIT);
  }

  public static int defaultParallel() {
    return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  }
}
