package org.rendakb.api;

import io.javalin.http.Context;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds on how long an upload's body may keep a server thread. A request refused on its headers
 * (no token, a wrong one, a lockout) is answered at once: only what has arrived within
 * {@link #REFUSED_WAIT} (at most {@link #REFUSED_BYTES}) is read and dropped, so that a client
 * that sent its whole small body reads the answer rather than a reset connection, and the
 * connection is closed. An accepted upload's body may pause at most {@link #BODY_IDLE} between two
 * packets: the connection's idle timeout, lowered for this request.
 */
final class SlowBodies {
  private static final Logger log = LoggerFactory.getLogger(SlowBodies.class);
  static final Duration REFUSED_WAIT = Duration.ofMillis(500);
  static final long REFUSED_BYTES = 1 << 20;
  static final Duration BODY_IDLE = Duration.ofSeconds(10);
  private static final long POLL_MILLIS = 10;

  private SlowBodies() {}

  /** Drops what of the body has already arrived, waiting {@link #REFUSED_WAIT} at most, and closes. */
  static void refuse(Context ctx) {
    if (!"100-continue".equalsIgnoreCase(ctx.header("Expect")) && ctx.req().getContentLengthLong() != 0) {
      drainArrived(ctx);
    }
    ctx.header("Connection", "close");
  }

  private static void drainArrived(Context ctx) {
    long deadline = System.nanoTime() + REFUSED_WAIT.toNanos();
    byte[] buffer = new byte[1 << 16];
    long left = REFUSED_BYTES;
    try {
      ServletInputStream in = ctx.req().getInputStream();
      while (left > 0 && !in.isFinished() && System.nanoTime() < deadline) {
        int ready = in.available();
        if (ready <= 0) {
          Thread.sleep(POLL_MILLIS);
          continue;
        }
        int n = in.read(buffer, 0, (int) Math.min(Math.min(ready, buffer.length), left));
        if (n < 0) {
          return;
        }
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      log.debug("stopped dropping a refused body: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Lowers the connection's idle timeout while this upload's body is read. */
  static void boundIdle(Context ctx) {
    try {
      ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
          .getEndPoint().setIdleTimeout(BODY_IDLE.toMillis());
    } catch (RuntimeException e) {
      log.debug("could not bound the upload's idle time: {}", e.toString());
    }
  }
}
