package dev.eddy.util;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Delivers events to listeners in order on one daemon thread, as Spark's {@code ListenerBus}; the
 * shared mechanism behind the job and streaming listener buses. The listeners are looked up at
 * each delivery, so a listener added later receives the following events. A listener that throws
 * is reported on stderr and keeps receiving.
 *
 * <p>The queue is bounded: when listeners are so slow that it fills, further events are dropped
 * (with one warning) rather than stalling the engine. {@link #awaitIdle} waits, without polling,
 * until every event posted so far was delivered or dropped. Thread-safe.
 *
 * @param <L> the listener type
 * @param <E> the event type
 */
public final class ListenerBus<L, E> {
  private static final Object STOP = new Object();

  private final String name;
  private final BlockingQueue<Object> queue;
  private final Supplier<List<L>> listeners;
  private final BiConsumer<L, E> dispatch;
  private final Consumer<E> afterDelivery;
  private final Thread thread;
  private final Object idle = new Object();
  private long posted;
  private long done;
  private volatile boolean dropWarned;

  /**
   * @param name the delivery thread's name
   * @param capacity how many events may wait
   * @param listeners the listeners to deliver to, read at each delivery
   * @param dispatch calls the listener method that fits the event
   * @param afterDelivery called with each queued event once it reached every listener or was dropped
   */
  public ListenerBus(
      String name,
      int capacity,
      Supplier<List<L>> listeners,
      BiConsumer<L, E> dispatch,
      Consumer<E> afterDelivery) {
    this.name = name;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.listeners = listeners;
    this.dispatch = dispatch;
    this.afterDelivery = afterDelivery;
    this.thread = new Thread(this::deliverLoop, name);
    thread.setDaemon(true);
  }

  /** Starts the delivery thread. */
  public void start() {
    thread.start();
  }

  /** Queues {@code event} for in-order delivery; drops it if the queue is full. */
  public void post(E event) {
    synchronized (idle) {
      posted++;
    }
    if (!queue.offer(event)) {
      if (!dropWarned) {
        dropWarned = true;
        System.err.println("Eddy: " + name + " listeners are too slow; dropping events (first dropped: " + event + ")");
      }
      finished(event);
    }
  }

  /** Delivers {@code event} now, on the calling thread. */
  public void postSynchronously(E event) {
    deliver(event);
  }

  /**
   * Waits until every event posted before this call was delivered or dropped, or the timeout
   * passes. Called on the delivery thread itself (from a listener), it returns false at once.
   *
   * @return whether the queue drained in time
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    if (Thread.currentThread() == thread) {
      return false;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      long target = posted;
      while (done < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        idle.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  /**
   * Delivers the events already queued, then stops the thread. Called from a listener, it returns
   * at once and the thread stops after that listener returns.
   */
  public void stop() {
    if (!thread.isAlive()) {
      return;
    }
    try {
      queue.put(STOP);
      if (Thread.currentThread() != thread) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unchecked")
  private void deliverLoop() {
    while (true) {
      Object next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (next == STOP) {
        return;
      }
      E event = (E) next;
      deliver(event);
      finished(event);
    }
  }

  private void finished(E event) {
    try {
      afterDelivery.accept(event);
    } finally {
      synchronized (idle) {
        done++;
        idle.notifyAll();
      }
    }
  }

  private void deliver(E event) {
    for (L listener : listeners.get()) {
      try {
        dispatch.accept(listener, event);
      } catch (Throwable t) {
        System.err.println("Eddy: " + name + " listener " + listener + " failed on "
            + event.getClass().getSimpleName() + ": " + t);
      }
    }
  }
}
