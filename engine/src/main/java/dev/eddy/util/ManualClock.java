package dev.eddy.util;

/**
 * A clock that moves only when told to: {@link #advance(long)} or {@link #setTime(long)} wake
 * every thread waiting in {@link #waitTillTime(long)}. Tests and tutorials use it to step batches
 * deterministically, without sleeping. Thread-safe.
 */
public final class ManualClock implements Clock {
  private long time;

  /** Creates a clock at time 0. */
  public ManualClock() {
    this(0L);
  }

  /** Creates a clock at {@code startTime} milliseconds. */
  public ManualClock(long startTime) {
    this.time = startTime;
  }

  @Override
  public synchronized long getTimeMillis() {
    return time;
  }

  /** Sets the time; it may not go backwards. */
  public synchronized void setTime(long newTime) {
    if (newTime < time) {
      throw new IllegalArgumentException("a manual clock cannot go back from " + time + " to " + newTime);
    }
    time = newTime;
    notifyAll();
  }

  /** Moves the time forward by {@code millis}. */
  public synchronized void advance(long millis) {
    setTime(time + millis);
  }

  @Override
  public synchronized long waitTillTime(long targetTime) throws InterruptedException {
    while (time < targetTime) {
      wait();
    }
    return time;
  }
}
