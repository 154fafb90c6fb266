package org.rendakb.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down guessing the admin token: an address that failed {@code maxFailures} times is refused
 * for a while, twice as long after each further failure, up to {@code maxLockout}.
 * Refusing (429 with Retry-After) rather than sleeping keeps server threads free, and a locked
 * address is refused even with the right token, so guessing cannot go on during the lockout.
 * Memory is bounded: at most {@code maxAddresses} addresses are remembered, the least recently
 * seen forgotten first, and an address is forgotten {@code forgetAfter} after its last failure.
 */
public final class FailureThrottle {
  /**
   * @param maxFailures the failure that locks the address out: with 5, the sixth request is refused
   * @param firstLockout the first lockout; each further failure doubles it
   * @param maxLockout the longest lockout
   * @param forgetAfter an address without failures for this long starts afresh
   * @param maxAddresses addresses remembered at most
   */
  public record Settings(int maxFailures, Duration firstLockout, Duration maxLockout, Duration forgetAfter, int maxAddresses) {
    public static Settings defaults() {
      return new Settings(5, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofMinutes(30), 10_000);
    }
  }

  private static final class Failures {
    int failures;
    long lastFailureNanos;
    long lockedUntilNanos;
  }

  /** The JVM's monotonic time: setting the machine's clock neither lifts nor extends a lockout. */
  public static final InstantSource MONOTONIC = () -> Instant.EPOCH.plusNanos(System.nanoTime());

  private final Settings settings;
  private final InstantSource clock;
  private final Map<String, Failures> entries;

  FailureThrottle(Settings settings) {
    this(settings, MONOTONIC);
  }

  /** With the clock lockouts are measured on (tests pass one they move by hand). */
  public FailureThrottle(Settings settings, InstantSource clock) {
    this.settings = settings;
    this.clock = clock;
    this.entries = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
        return size() > settings.maxAddresses();
      }
    };
  }

  /** How long {@code address} must still wait, zero when it may try. */
  public synchronized Duration lockedFor(String address) {
    long now = nanos();
    Failures e = current(address, now);
    if (e == null) {
      return Duration.ZERO;
    }
    long left = e.lockedUntilNanos - now;
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }

  public synchronized void failed(String address) {
    long now = nanos();
    Failures e = current(address, now);
    if (e == null) {
      e = new Failures();
      entries.put(address, e);
    }
    e.failures++;
    e.lastFailureNanos = now;
    int over = e.failures - settings.maxFailures();
    if (over >= 0) {
      long lockout = settings.firstLockout().toNanos() << Math.min(over, 20);
      e.lockedUntilNanos = now + Math.min(lockout, settings.maxLockout().toNanos());
    }
  }

  public synchronized void succeeded(String address) {
    entries.remove(address);
  }

  synchronized int addresses() {
    return entries.size();
  }

  private long nanos() {
    Instant t = clock.instant();
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private Failures current(String address, long now) {
    Failures e = entries.get(address);
    if (e != null && now - e.lastFailureNanos > settings.forgetAfter().toNanos()) {
      entries.remove(address);
      return null;
    }
    return e;
  }
}
