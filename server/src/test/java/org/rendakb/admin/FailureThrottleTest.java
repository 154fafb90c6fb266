package org.rendakb.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {
  @Test
  void memoryIsBoundedWhateverTheNumberOfAddresses() {
    FailureThrottle throttle = new FailureThrottle(
        new FailureThrottle.Settings(2, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(10), 100));
    for (int i = 0; i < 100_000; i++) {
      throttle.failed("10.0." + (i >> 8) + "." + (i & 255));
    }
    assertEquals(100, throttle.addresses());
    // the most recent addresses are the ones remembered
    throttle.failed("10.0.1.1");
    assertTrue(throttle.lockedFor("10.0.1.1").isZero(), "an evicted address starts afresh");
    throttle.failed("10.0.1.1");
    assertTrue(throttle.lockedFor("10.0.1.1").compareTo(Duration.ofSeconds(50)) > 0);
  }

  @Test
  void theLockoutDoublesUpToItsMaximumAndSuccessClearsIt() {
    FailureThrottle throttle = new FailureThrottle(
        new FailureThrottle.Settings(3, Duration.ofSeconds(10), Duration.ofSeconds(35), Duration.ofMinutes(10), 10));
    throttle.failed("a");
    throttle.failed("a");
    assertTrue(throttle.lockedFor("a").isZero());
    throttle.failed("a");
    assertWithin(throttle.lockedFor("a"), 9, 10);
    throttle.failed("a");
    assertWithin(throttle.lockedFor("a"), 19, 20);
    throttle.failed("a");
    assertWithin(throttle.lockedFor("a"), 34, 35);
    assertTrue(throttle.lockedFor("b").isZero(), "other addresses are not affected");
    throttle.succeeded("a");
    assertTrue(throttle.lockedFor("a").isZero());
  }

  private static void assertWithin(Duration d, long fromSeconds, long toSeconds) {
    assertTrue(d.toMillis() > fromSeconds * 1000 && d.toMillis() <= toSeconds * 1000, d.toString());
  }
}
