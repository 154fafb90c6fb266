package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.ServerConfig;
import org.rendakb.admin.AdminConfig;
import org.rendakb.admin.AdminToken;
import org.rendakb.admin.FailureThrottle;

/**
 * The slow-down of wrong admin tokens over real HTTP, with the default settings and a clock the
 * test moves: refused after exactly 5 failures, doubling lockouts, the right token refused while
 * locked; requests without a token and requests from a page of another origin never counted; the
 * client address from a configured proxy header, and only when configured.
 */
class AdminThrottleTest {
  static final String TOKEN = "throttle-test-token-0123456789abcdef";
  static final String WRONG = "wrong-token-0000000000000000000000";
  static final String PROXY_HEADER = "X-Forwarded-For";

  @TempDir static Path tmp;
  static final TestClock clock = new TestClock();
  /** Behind a proxy: each test is its own client address. */
  static Javalin proxied;
  /** No proxy header configured: the connection's address counts, whatever the headers say. */
  static Javalin direct;

  @BeforeAll
  static void start() throws Exception {
    Path index = tmp.resolve("index");
    TestCorpus.index(index, List.of(TestCorpus.seeds(tmp.resolve("seeds"))));
    proxied = server(index, "proxied", PROXY_HEADER);
    direct = server(index, "direct", null);
  }

  static Javalin server(Path index, String name, String header) throws Exception {
    AdminConfig admin = new AdminConfig(tmp.resolve(name + "-uploads"), AdminToken.of(TOKEN), 1 << 20,
        FailureThrottle.Settings.defaults(), header, clock);
    return ServerFixture.serve(new ServerConfig(index, "127.0.0.1", 0, List.of(), null, admin));
  }

  @AfterAll
  static void stop() {
    for (Javalin app : new Javalin[] {proxied, direct}) {
      if (app != null) {
        app.stop();
      }
    }
  }

  static String newAddress() {
    return "198.51.100." + (UUID.randomUUID().hashCode() & 0x7f);
  }

  static AdminHttp.Answer status(String token, String address, String... headers) throws Exception {
    String[] all = new String[headers.length + 2 + (token == null ? 0 : 2)];
    int i = 0;
    all[i++] = PROXY_HEADER;
    all[i++] = "203.0.113.9, " + address;
    if (token != null) {
      all[i++] = "Authorization";
      all[i++] = "Bearer " + token;
    }
    System.arraycopy(headers, 0, all, i, headers.length);
    return new AdminHttp(proxied.port(), null).send("GET", "/api/reindex", all);
  }

  @Test
  void theSixthRequestAfterFiveWrongTokensIsRefusedAndLockoutsDouble() throws Exception {
    String me = "192.0.2.1";
    for (int i = 1; i <= 5; i++) {
      assertEquals(401, status(WRONG, me).status(), "failure " + i);
    }
    AdminHttp.Answer locked = status(TOKEN, me);
    assertEquals(429, locked.status(), "the right token is refused while locked: " + locked.text());
    assertEquals("5", locked.header("Retry-After"));
    assertTrue(locked.json().get("error").asText().startsWith("too many failed attempts"), locked.text());
    clock.advance(Duration.ofSeconds(4));
    assertEquals("1", status(TOKEN, me).header("Retry-After"));
    clock.advance(Duration.ofMillis(1_001));
    assertEquals(401, status(WRONG, me).status(), "the lockout is over; the sixth failure locks for twice as long");
    assertEquals("10", status(TOKEN, me).header("Retry-After"));
    clock.advance(Duration.ofSeconds(10));
    assertEquals(200, status(TOKEN, me).status(), "after the lockout the right token is accepted and clears the record");
    for (int i = 1; i <= 4; i++) {
      assertEquals(401, status(WRONG, me).status(), "failure " + i + " after the record was cleared");
    }
    assertEquals(200, status(TOKEN, me).status());
  }

  @Test
  void requestsWithoutATokenOrFromAnotherOriginAreNotCounted() throws Exception {
    String me = "192.0.2.2";
    String origin = "http://127.0.0.1:" + proxied.port();
    for (int i = 0; i < 20; i++) {
      // what a page of another origin can send: no-cors, so no Authorization header
      assertEquals(403, status(null, me, "Origin", "https://evil.example").status());
      assertEquals(401, status(null, me).status());
      assertEquals(401, status("", me).status());
    }
    for (int i = 0; i < 20; i++) {
      // a script adding a foreign Origin cannot guess past the throttle: its token is never looked at
      AdminHttp.Answer foreign = status(WRONG, me, "Origin", "https://evil.example");
      assertEquals(403, foreign.status(), foreign.text());
      assertTrue(foreign.json().get("error").asText().contains("another origin"), foreign.text());
      assertEquals(403, status(TOKEN, me, "Origin", "null").status(), "an opaque origin is another origin");
    }
    assertEquals(200, status(TOKEN, me).status(), "60 token-less and 40 cross-origin requests locked nothing out");
    assertEquals(200, status(TOKEN, me, "Origin", origin).status(), "the server's own page may send the token");
    for (int i = 1; i <= 5; i++) {
      assertEquals(401, status(WRONG, me, "Origin", origin).status());
    }
    assertEquals(429, status(TOKEN, me).status(), "wrong tokens from the same origin do count");
  }

  @Test
  void behindAProxyEachClientAddressIsThrottledOnItsOwn() throws Exception {
    String guesser = newAddress();
    String admin = "192.0.2.3";
    for (int i = 0; i < 5; i++) {
      assertEquals(401, status(WRONG, guesser).status());
    }
    assertEquals(429, status(TOKEN, guesser).status());
    // every request also carried a first X-Forwarded-For entry the client wrote; the proxy's last one counts
    assertEquals(200, status(TOKEN, admin).status(), "another client behind the same proxy is not locked out");
  }

  @Test
  void withoutAConfiguredProxyHeaderForwardingHeadersAreIgnored() throws Exception {
    AdminHttp client = new AdminHttp(direct.port(), null);
    for (int i = 0; i < 5; i++) {
      assertEquals(401, client.send("GET", "/api/reindex", "Authorization", "Bearer " + WRONG,
          PROXY_HEADER, "10.0.0." + i).status());
    }
    AdminHttp.Answer locked = client.send("GET", "/api/reindex", "Authorization", "Bearer " + TOKEN,
        PROXY_HEADER, "10.9.9.9");
    assertEquals(429, locked.status(), "five guesses from one connection address, whatever they claimed: " + locked.text());
    clock.advance(Duration.ofMinutes(31));
    assertEquals(200, client.send("GET", "/api/reindex", "Authorization", "Bearer " + TOKEN).status(),
        "an address is forgotten 30 minutes after its last failure");
  }
}
