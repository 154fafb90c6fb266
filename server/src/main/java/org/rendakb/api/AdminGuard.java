package org.rendakb.api;

import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.rendakb.admin.AdminToken;
import org.rendakb.admin.FailureThrottle;

/**
 * Lets a request change the index only with {@code Authorization: Bearer TOKEN}. No configured
 * token: 403 saying how to enable it. A missing or wrong token: 401, the same answer whatever was
 * wrong. Too many failures from one address: 429 with Retry-After (see {@link FailureThrottle}).
 * Only a presented wrong token counts as a guess: a request without one guesses nothing, and
 * counting it would let any web page lock the admin out with token-less {@code no-cors} requests.
 * A request a page of another origin sent ({@code Origin} names another host) is refused with 403
 * before its token is looked at, so it neither counts nor lets a script guess past the throttle
 * by adding such a header.
 * The address is the connection's own, or the last entry of a configured trusted proxy header.
 */
final class AdminGuard {
  static final String OFF = "changing the index from the server is off; to enable it, start the server with the "
      + "environment variable KB_ADMIN_TOKEN or --admin-token-file FILE set to a secret of at least "
      + AdminToken.MIN_LENGTH + " characters";
  private static final String BEARER = "Bearer ";

  private final AdminToken token;
  private final FailureThrottle throttle;
  private final String clientAddressHeader;

  AdminGuard(AdminToken token, FailureThrottle throttle, String clientAddressHeader) {
    this.token = token;
    this.throttle = throttle;
    this.clientAddressHeader = clientAddressHeader;
  }

  void check(Context ctx) {
    if (token == null) {
      throw new ApiException(403, OFF);
    }
    if (fromAnotherOrigin(ctx)) {
      throw new ApiException(403, "a page of another origin cannot change the index; send admin requests "
          + "from a script or from a page of this server");
    }
    String address = clientAddress(ctx);
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
      if (presented != null && !presented.isEmpty()) {
        throttle.failed(address);
      }
      ctx.header("WWW-Authenticate", "Bearer realm=\"rendakb admin\"");
      throw new ApiException(401, "this needs a valid admin token: Authorization: Bearer TOKEN");
    }
    throttle.succeeded(address);
  }

  private String clientAddress(Context ctx) {
    if (clientAddressHeader != null) {
      // the proxy appends the address it saw: the last entry is the one a client cannot forge
      List<String> values = Collections.list(ctx.req().getHeaders(clientAddressHeader));
      if (!values.isEmpty()) {
        String[] hops = values.getLast().split(",");
        String last = hops[hops.length - 1].strip();
        if (!last.isEmpty()) {
          return last;
        }
      }
    }
    return ctx.req().getRemoteAddr();
  }

  /** True when a browser says a page of another origin (or an opaque one, {@code null}) sent this. */
  private static boolean fromAnotherOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return false;
    }
    String host = ctx.header("Host");
    try {
      URI uri = URI.create(origin.strip());
      String authority = uri.getRawAuthority();
      return authority == null || host == null || !authority.equalsIgnoreCase(host.strip());
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
