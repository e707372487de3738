package dev.eddy.streaming.scheduler;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts a context's completed batches and lets threads wait for a count without polling: a
 * batch counts once its {@link BatchCompleted} event has been delivered to every listener. Once
 * the stream stops, waiters that can no longer be satisfied are released. Thread-safe.
 */
public final class BatchCounter {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long completed;
  private boolean stopped;
  private BatchInfo last;

  /** Counts one more completed batch. */
  public void batchCompleted() {
    batchCompleted(null);
  }

  /** Counts one more completed batch, {@code info}, remembered as the last; null if unknown. */
  public void batchCompleted(BatchInfo info) {
    lock.lock();
    try {
      completed++;
      if (info != null) {
        last = info;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Records that no more batches will complete. */
  public void streamStopped() {
    lock.lock();
    try {
      stopped = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Returns the last completed batch whose info was given, if any. */
  public Optional<BatchInfo> lastCompleted() {
    lock.lock();
    try {
      return Optional.ofNullable(last);
    } finally {
      lock.unlock();
    }
  }

  /** Returns the number of completed batches. */
  public long completed() {
    lock.lock();
    try {
      return completed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until at least {@code n} batches completed, the stream stopped, or the timeout passed.
   *
   * @param timeoutMillis how long to wait; negative waits without limit
   * @return whether {@code n} batches completed
   * @throws IllegalStateException if the waiting thread is interrupted; its interrupt flag is kept
   */
  public boolean await(long n, long timeoutMillis) {
    lock.lock();
    try {
      long remaining = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (completed < n && !stopped) {
        if (timeoutMillis < 0) {
          changed.await();
        } else {
          if (remaining <= 0) {
            return false;
          }
          remaining = changed.awaitNanos(remaining);
        }
      }
      return completed >= n;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for batches (" + completed + " of " + n + " done)", e);
    } finally {
      lock.unlock();
    }
  }
}
