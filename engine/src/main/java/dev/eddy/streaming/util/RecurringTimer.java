package dev.eddy.streaming.util;

import dev.eddy.util.Clock;
import java.util.function.LongConsumer;

/**
 * Calls a callback at every multiple of a period on its own daemon thread, as Spark's
 * {@code RecurringTimer}. It waits with {@link Clock#waitTillTime}, so with a
 * {@link dev.eddy.util.ManualClock} it fires exactly when the clock is moved past each time, once
 * per period even when the clock jumps several periods at once.
 *
 * <p>A callback that throws is reported on stderr and the timer keeps going. Thread-safe.
 */
public final class RecurringTimer {
  private final Clock clock;
  private final long period;
  private final LongConsumer callback;
  private final String name;
  private final boolean interruptCallback;
  private volatile boolean stopped;
  private boolean inCallback;
  private Thread thread;

  /**
   * @param period milliseconds between calls; positive
   * @param callback receives each time it is called for
   * @param name the thread's name
   */
  public RecurringTimer(Clock clock, long period, LongConsumer callback, String name) {
    this(clock, period, callback, name, true);
  }

  /**
   * Like the constructor above; unless {@code interruptCallback}, {@link #stop()} lets a running
   * callback finish instead of interrupting it (a callback writing to a file channel, which an
   * interrupt closes, such as a block generator writing to the write-ahead log).
   */
  public RecurringTimer(Clock clock, long period, LongConsumer callback, String name, boolean interruptCallback) {
    this.interruptCallback = interruptCallback;
    if (period <= 0) {
      throw new IllegalArgumentException("the period must be positive: " + period + " ms");
    }
    this.clock = clock;
    this.period = period;
    this.callback = callback;
    this.name = name;
  }

  /** Returns the first multiple of the period strictly after the clock's current time. */
  public long nextTime() {
    return (Math.floorDiv(clock.getTimeMillis(), period) + 1) * period;
  }

  /** Starts calling back at {@code startTime}, then every period; returns {@code startTime}. */
  public synchronized long start(long startTime) {
    if (thread != null) {
      throw new IllegalStateException("timer " + name + " was already started");
    }
    thread = new Thread(() -> loop(startTime), name);
    thread.setDaemon(true);
    thread.start();
    return startTime;
  }

  /**
   * Stops the timer and waits for its thread to end; a callback that is running is interrupted
   * (unless the timer was built not to).
   * Called from the callback itself, it returns without waiting.
   */
  public void stop() {
    Thread t;
    boolean interrupt;
    synchronized (this) {
      stopped = true;
      t = thread;
      interrupt = interruptCallback || !inCallback;
    }
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    if (interrupt) {
      t.interrupt();
    }
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop(long startTime) {
    long next = startTime;
    while (!stopped) {
      try {
        clock.waitTillTime(next);
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        if (stopped) {
          return;
        }
        inCallback = true;
      }
      try {
        callback.accept(next);
      } catch (RuntimeException e) {
        System.err.println("Eddy: timer " + name + " callback failed at " + next + " ms: " + e);
      } finally {
        synchronized (this) {
          inCallback = false;
        }
      }
      next += period;
    }
  }
}
