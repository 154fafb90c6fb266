package org.rendakb.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server-wide bound on expensive requests ({@link RequestLimits}): a request to a covered path
 * runs when one of the permits is free, waits in a bounded queue for one otherwise, and is answered
 * 503 with Retry-After when the queue is full or its wait is over. Threads beyond the bound wait on
 * a semaphore, holding no index reader and no document text. Taken in a before-handler and given
 * back in an after-handler (which Javalin runs whatever the handler threw), so the routes of other
 * classes are covered without wrapping them.
 */
final class ExpensiveRequests {
  static final String RETRY_AFTER_SECONDS = "2";

  private final RequestLimits limits;
  private final Semaphore permits;
  private final AtomicInteger waiting = new AtomicInteger();

  ExpensiveRequests(RequestLimits limits) {
    this.limits = limits;
    this.permits = new Semaphore(limits.parallel(), true);
  }

  private static final String HELD = "expensive-permit";

  /** Bounds the requests to these paths (Javalin path patterns), together. */
  void cover(RoutesConfig routes, String... paths) {
    for (String path : paths) {
      routes.before(path, ctx -> {
        // before-handlers see every method: a DELETE of the same path is not a search
        if (ctx.method() == HandlerType.GET) {
          enter(ctx);
          ctx.attribute(HELD, Boolean.TRUE);
        }
      });
      routes.after(path, ctx -> {
        if (ctx.attribute(HELD) != null) {
          ctx.attribute(HELD, null);
          permits.release();
        }
      });
    }
  }

  private void enter(Context ctx) {
    if (permits.tryAcquire()) {
      return;
    }
    if (waiting.incrementAndGet() > limits.queued()) {
      waiting.decrementAndGet();
      throw busy(ctx);
    }
    try {
      if (!permits.tryAcquire(limits.maxWait().toNanos(), TimeUnit.NANOSECONDS)) {
        throw busy(ctx);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy(ctx);
    } finally {
      waiting.decrementAndGet();
    }
  }

  private static ApiException busy(Context ctx) {
    ctx.header("Retry-After", RETRY_AFTER_SECONDS);
    return new ApiException(503, "the server is busy with other requests; try again in a few seconds");
  }
}
