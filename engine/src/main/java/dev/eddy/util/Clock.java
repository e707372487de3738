package dev.eddy.util;

/**
 * A source of time for every timer in the engine. Production code uses {@link SystemClock};
 * tests and tutorials use {@link ManualClock} so that batches happen exactly when they say.
 * Implementations are thread-safe.
 */
public interface Clock {
  /** Returns the current time in milliseconds. */
  long getTimeMillis();

  /**
   * Blocks until the clock reaches {@code targetTime} and returns the time then.
   *
   * @throws InterruptedException if the waiting thread is interrupted
   */
  long waitTillTime(long targetTime) throws InterruptedException;
}
