package dev.eddy.streaming;

import dev.eddy.streaming.scheduler.StreamingListener;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The JVM-wide registry of running streaming contexts and of listeners that hear every one of
 * them. The kernel registers one listener here to show, in the cell that called
 * {@code ssc.start()}, a live view of whatever context the user built: such a listener receives
 * {@code onStreamingStarted} synchronously on the thread calling {@code start()}, and the other
 * events as a context's own listeners do.
 *
 * <pre>{@code
 * ActiveContexts.addListener(new StreamingListener() {
 *   public void onBatchCompleted(BatchCompleted e) { System.out.println(e.batchInfo()); }
 * });
 * }</pre>
 *
 * <p>A context is listed by {@link #list()} from {@code start()} until {@code stop()}, and by
 * {@link #started()} from its first start until {@code stop(true)} or until nothing else
 * references it. Thread-safe.
 */
public final class ActiveContexts {
  private static final List<StreamingListener> LISTENERS = new CopyOnWriteArrayList<>();
  private static final List<StreamingContext> ACTIVE = new CopyOnWriteArrayList<>();
  /** Weakly: a context the notebook no longer references (a cell redefined it) may be collected. */
  private static final List<WeakReference<StreamingContext>> STARTED = new CopyOnWriteArrayList<>();

  private ActiveContexts() {}

  /** Adds a listener to the events of every streaming context, running or future. */
  public static void addListener(StreamingListener listener) {
    LISTENERS.add(listener);
  }

  /** Removes a listener added with {@link #addListener}. */
  public static void removeListener(StreamingListener listener) {
    LISTENERS.remove(listener);
  }

  /** Returns the running contexts, in start order. */
  public static List<StreamingContext> list() {
    return List.copyOf(ACTIVE);
  }

  /**
   * Returns every context started at least once and not ended for good by {@code stop(true)},
   * running or stopped (a stopped one may start again), in first-start order.
   */
  public static List<StreamingContext> started() {
    STARTED.removeIf(ref -> ref.get() == null);
    List<StreamingContext> contexts = new ArrayList<>();
    for (WeakReference<StreamingContext> ref : STARTED) {
      StreamingContext context = ref.get();
      if (context != null) {
        contexts.add(context);
      }
    }
    return contexts;
  }

  /** Stops every running context (streaming only; their EddyContexts stay alive). */
  public static void stopAll() {
    for (StreamingContext context : new ArrayList<>(ACTIVE)) {
      context.stop(false);
    }
  }

  static List<StreamingListener> listeners() {
    return LISTENERS;
  }

  static void register(StreamingContext context) {
    ACTIVE.add(context);
    synchronized (STARTED) {
      STARTED.removeIf(ref -> ref.get() == null);
      if (STARTED.stream().noneMatch(ref -> ref.get() == context)) {
        STARTED.add(new WeakReference<>(context));
      }
    }
  }

  static void forget(StreamingContext context) {
    STARTED.removeIf(ref -> ref.get() == null || ref.get() == context);
  }

  static void unregister(StreamingContext context) {
    ACTIVE.remove(context);
  }
}
