package dev.eddy.streaming.receiver;

import dev.eddy.streaming.util.RecurringTimer;
import dev.eddy.util.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts the records a receiver stores one at a time into blocks, as Spark's
 * {@code BlockGenerator}: records accumulate in a buffer, and at every multiple of the block
 * interval on the context's clock the buffer, if not empty, becomes one block (one partition of a
 * batch) handed to the push callback on the generator's timer thread. Records are admitted
 * through the receiver's {@link RateLimiter}.
 *
 * <p>{@link #stop(boolean)} stops admitting records, then pushes the last partial block or drops
 * it. Blocks are pushed one at a time, in order. Thread-safe.
 *
 * @param <T> the record type
 */
public final class BlockGenerator<T> {
  private enum State { INITIALIZED, ACTIVE, STOPPED }

  private final RateLimiter rateLimiter;
  private final Consumer<List<T>> push;
  private final RecurringTimer timer;
  private List<T> buffer = new ArrayList<>();
  private State state = State.INITIALIZED;

  /**
   * @param push receives each block's records, in order, never concurrently
   * @param name the timer thread's name
   */
  public BlockGenerator(Clock clock, long blockIntervalMillis, RateLimiter rateLimiter, Consumer<List<T>> push, String name) {
    this.rateLimiter = rateLimiter;
    this.push = push;
    this.timer = new RecurringTimer(clock, blockIntervalMillis, this::cut, name);
  }

  /** Starts cutting blocks at the next multiple of the block interval. */
  public synchronized void start() {
    if (state != State.INITIALIZED) {
      throw new IllegalStateException("the block generator was already started");
    }
    state = State.ACTIVE;
    timer.start(timer.nextTime());
  }

  /**
   * Adds one record to the current block once the rate limiter allows it.
   *
   * @throws InterruptedException if interrupted while waiting for the rate limiter
   * @throws IllegalStateException if the generator is not running
   */
  public void addData(T record) throws InterruptedException {
    assertActive();
    rateLimiter.acquire();
    synchronized (this) {
      assertActive();
      buffer.add(record);
    }
  }

  /** Stops admitting records and cutting blocks; pushes the records buffered since the last block if {@code flush}. */
  public void stop(boolean flush) {
    synchronized (this) {
      if (state == State.STOPPED) {
        return;
      }
      state = State.STOPPED;
    }
    timer.stop();
    List<T> last = takeBuffer();
    if (flush && !last.isEmpty()) {
      push.accept(last);
    }
  }

  private void cut(long time) {
    List<T> block = takeBuffer();
    if (!block.isEmpty()) {
      push.accept(block);
    }
  }

  private synchronized List<T> takeBuffer() {
    List<T> block = buffer;
    buffer = new ArrayList<>();
    return block;
  }

  private synchronized void assertActive() {
    if (state != State.ACTIVE) {
      throw new IllegalStateException(
          "Cannot add data: the block generator " + (state == State.STOPPED ? "has been stopped" : "has not been started"));
    }
  }
}
