package dev.eddy.scheduler;

import dev.eddy.util.ListenerBus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds a context's {@link JobListener}s and delivers {@link JobEvent}s to them in order on one
 * daemon thread, through the shared {@link ListenerBus}. The thread starts with the first
 * listener; while no listener is registered, {@link #post} drops events at once, so jobs without
 * listeners pay nothing. Thread-safe.
 */
final class JobListenerBus {
  static final int CAPACITY = 10_000;

  private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
  private final ListenerBus<JobListener, JobEvent> bus;
  private final AtomicBoolean started = new AtomicBoolean();

  JobListenerBus(String name) {
    this.bus = new ListenerBus<>(name, CAPACITY, () -> listeners, JobListenerBus::dispatch, e -> {});
  }

  void add(JobListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (started.compareAndSet(false, true)) {
      bus.start();
    }
    listeners.add(listener);
  }

  void remove(JobListener listener) {
    listeners.remove(listener);
  }

  /** Returns whether any listener is registered, so callers can skip building events. */
  boolean active() {
    return !listeners.isEmpty();
  }

  void post(JobEvent event) {
    if (active()) {
      bus.post(event);
    }
  }

  boolean awaitIdle(Duration timeout) throws InterruptedException {
    return bus.awaitIdle(timeout);
  }

  /** Delivers the queued events, then stops the thread. */
  void stop() {
    bus.stop();
  }

  private static void dispatch(JobListener listener, JobEvent event) {
    if (event instanceof JobStart e) {
      listener.onJobStart(e);
    } else if (event instanceof JobEnd e) {
      listener.onJobEnd(e);
    } else if (event instanceof StageSubmitted e) {
      listener.onStageSubmitted(e);
    } else if (event instanceof StageCompleted e) {
      listener.onStageCompleted(e);
    } else if (event instanceof TaskStart e) {
      listener.onTaskStart(e);
    } else if (event instanceof TaskEnd e) {
      listener.onTaskEnd(e);
    }
  }
}
