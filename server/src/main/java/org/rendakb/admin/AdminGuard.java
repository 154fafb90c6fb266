package org.rendakb.admin;

import io.javalin.http.Context;
import java.time.Duration;
import org.rendakb.api.ApiException;

/**
 * Lets a request change the index only with {@code Authorization: Bearer TOKEN}. No configured
 * token: 403 saying how to enable it. A missing or wrong token: 401, the same answer whatever was
 * wrong. Too many failures from one address: 429 with Retry-After (see {@link FailureThrottle}).
 * The address is the connection's own; forwarding headers are not trusted.
 */
final class AdminGuard {
  static final String OFF = "changing the index from the server is off; to enable it, start the server with the "
      + "environment variable KB_ADMIN_TOKEN or --admin-token-file FILE set to a secret of at least "
      + AdminToken.MIN_LENGTH + " characters";
  private static final String BEARER = "Bearer ";

  private final AdminToken token;
  private final FailureThrottle throttle;

  AdminGuard(AdminToken token, FailureThrottle throttle) {
    this.token = token;
    this.throttle = throttle;
  }

  void check(Context ctx) {
    if (token == null) {
      throw new ApiException(403, OFF);
    }
    String address = ctx.req().getRemoteAddr();
    Duration wait = throttle.lockedFor(address);
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      ctx.header("Retry-After", String.valueOf(seconds));
      throw new ApiException(429, "too many failed attempts from this address; try again in " + seconds + " s");
    }
    String header = ctx.header("Authorization");
    String presented = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? header.substring(BEARER.length()).strip()
        : null;
    if (!token.matches(presented)) {
      throttle.failed(address);
      ctx.header("WWW-Authenticate", "Bearer realm=\"rendakb admin\"");
      throw new ApiException(401, "this needs a valid admin token: Authorization: Bearer TOKEN");
    }
    throttle.succeeded(address);
  }
}
