package org.rendakb.api;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand, so that lockouts are tested without sleeping. */
final class TestClock implements InstantSource {
  private volatile Instant now = Instant.parse("2026-12-04T00:00:00Z");

  @Override
  public Instant instant() {
    return now;
  }

  synchronized void advance(Duration d) {
    now = now.plus(d);
  }
}
