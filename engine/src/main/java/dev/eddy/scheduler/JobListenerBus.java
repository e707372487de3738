package dev.eddy.scheduler;

import dev.eddy.util.ListenerBus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Holds a context's {@link JobListener}s and delivers {@link JobEvent}s to them in order on one
 * daemon thread, through the shared {@link ListenerBus}. While no listener is registered,
 * {@link #post} drops events at once, so jobs without listeners pay nothing. Thread-safe.
 */
final class JobListenerBus {
  static final int CAPACITY = 10_000;

  private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
  private final ListenerBus<JobListener, JobEvent> bus;

  JobListenerBus(String name) {
    this.bus = new ListenerBus<>(name, CAPACITY, () -> listeners, JobListenerBus::dispatch, e -> {});
    bus.start();
  }

  void add(JobListener listener) {
    listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
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
