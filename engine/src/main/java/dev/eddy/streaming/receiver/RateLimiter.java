package dev.eddy.streaming.receiver;

import dev.eddy.util.Clock;

/**
 * Spaces out permits to at most a rate per second on an injected {@link Clock}, as the rate
 * limiter of Spark's receivers (Guava's bursty limiter): permit n is granted no earlier than
 * n / rate seconds after the limiter was created, and a caller that fell behind (idle, or woken
 * late by a clock that jumped) may catch up on at most one second's worth of permits at once.
 * Hand-written rather than Guava's {@code RateLimiter} because that one
 * reads the system ticker, and receivers must follow a {@link dev.eddy.util.ManualClock} in tests.
 *
 * <p>The rate can change at any time ({@link #setRate}); a waiting caller keeps the slot it got,
 * and wakes when the clock reaches it or its thread is interrupted. Thread-safe.
 */
public final class RateLimiter {
  private final Clock clock;
  private volatile long rate;
  /** Permits saved up while idle are capped at this many milliseconds' worth. */
  private static final long MAX_BURST_MILLIS = 1000;

  private double nextFreeMillis;

  /** Creates a limiter of {@code rate} permits per second; {@code Long.MAX_VALUE} for none. */
  public RateLimiter(Clock clock, long rate) {
    this.clock = clock;
    this.nextFreeMillis = clock.getTimeMillis();
    setRate(rate);
  }

  /** Returns the current rate in permits per second; {@code Long.MAX_VALUE} when unlimited. */
  public long rate() {
    return rate;
  }

  /** Sets the rate in permits per second; {@code Long.MAX_VALUE} for none. */
  public void setRate(long rate) {
    if (rate <= 0) {
      throw new IllegalArgumentException("a rate must be positive, not " + rate);
    }
    this.rate = rate;
  }

  /**
   * Blocks until the caller may take one permit.
   *
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public void acquire() throws InterruptedException {
    long current = rate;
    if (current == Long.MAX_VALUE) {
      return;
    }
    double slot;
    synchronized (this) {
      long now = clock.getTimeMillis();
      slot = Math.max(nextFreeMillis, now - MAX_BURST_MILLIS);
      nextFreeMillis = slot + 1000.0 / current;
    }
    long at = (long) Math.ceil(slot);
    if (at > clock.getTimeMillis()) {
      clock.waitTillTime(at);
    }
  }
}
