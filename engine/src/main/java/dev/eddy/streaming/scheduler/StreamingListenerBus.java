package dev.eddy.streaming.scheduler;

import dev.eddy.util.ListenerBus;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Delivers a context's streaming events to its listeners, as Spark's {@code StreamingListenerBus}:
 * batch and output events in order on one daemon thread, start and stop events synchronously on
 * the caller's thread. The listeners are looked up at each delivery, so a listener added while
 * the stream runs receives the following events. A listener that throws is reported on stderr and
 * keeps receiving.
 *
 * <p>The queue holds at most {@value #CAPACITY} events; when a listener is so slow that it fills,
 * further events are dropped (with one warning) rather than stalling the batches. Delivery is the
 * shared {@link ListenerBus}. Thread-safe.
 */
public final class StreamingListenerBus {
  static final int CAPACITY = 10_000;

  private final ListenerBus<StreamingListener, Object> bus;

  /**
   * @param listeners the listeners to deliver to, read at each delivery
   * @param afterBatchCompleted called once each {@link BatchCompleted} has reached every listener
   *     (or was dropped)
   */
  public StreamingListenerBus(
      String name, Supplier<List<StreamingListener>> listeners, Consumer<BatchCompleted> afterBatchCompleted) {
    this.bus = new ListenerBus<>(name, CAPACITY, listeners, StreamingListenerBus::dispatch, event -> {
      if (event instanceof BatchCompleted completed) {
        afterBatchCompleted.accept(completed);
      }
    });
  }

  /** Starts the delivery thread. */
  public void start() {
    bus.start();
  }

  /** Queues {@code event} (one of the event records) for in-order delivery. */
  public void post(Object event) {
    bus.post(event);
  }

  /** Delivers {@code event} now, on the calling thread. */
  public void postSynchronously(Object event) {
    bus.postSynchronously(event);
  }

  /**
   * Delivers the events already queued, then stops the thread. Called from a listener, it returns
   * at once and the thread stops after that listener returns.
   */
  public void stop() {
    bus.stop();
  }

  private static void dispatch(StreamingListener listener, Object event) {
    if (event instanceof BatchSubmitted e) {
      listener.onBatchSubmitted(e);
    } else if (event instanceof BatchStarted e) {
      listener.onBatchStarted(e);
    } else if (event instanceof BatchCompleted e) {
      listener.onBatchCompleted(e);
    } else if (event instanceof OutputRows e) {
      listener.onOutputRows(e);
    } else if (event instanceof StreamingStarted e) {
      listener.onStreamingStarted(e);
    } else if (event instanceof StreamingStopped e) {
      listener.onStreamingStopped(e);
    } else if (event instanceof CheckpointWritten e) {
      listener.onCheckpointWritten(e);
    } else {
      throw new IllegalArgumentException("not a streaming event: " + event);
    }
  }
}
