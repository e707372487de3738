package dev.eddy.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishUpdateDisplayData;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends live views to the front end, on one kernel-owned thread.
 *
 * <p>Engine threads only report that a view changed ({@link #changed}); rendering and sending
 * happen here. Updates of one view are coalesced to at most one per {@link #MIN_INTERVAL_MS}, and
 * a change always leads to a (trailing) update showing the latest state. Each message names as
 * parent the cell running at that moment if there is one, so that clients recording only the
 * running cell's messages (nbclient) still apply the update by display id; otherwise the cell that
 * started the stream.
 */
final class LiveViewPublisher implements AutoCloseable {
  static final long MIN_INTERVAL_MS = 250;
  /** A short wait before any update, so that a batch's rows and its completion go out together. */
  static final long SETTLE_MS = 30;
  private static final long CLOSE_TIMEOUT_MS = 500;
  private static final Logger LOG = Logger.getLogger(LiveViewPublisher.class.getName());

  private final Set<LiveView> pending = ConcurrentHashMap.newKeySet();
  private volatile UnaryOperator<String> failureText = UnaryOperator.identity();
  private final IOPub iopub;
  private final CurrentCell cell;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "eddy-live-views");
    t.setDaemon(true);
    return t;
  });

  LiveViewPublisher(IOPub iopub, CurrentCell cell) {
    this.iopub = iopub;
    this.cell = cell;
  }

  /** Sets how failed batches' reasons are rewritten before they are shown (frames to cell lines). */
  void rewriteFailuresWith(UnaryOperator<String> rewrite) {
    this.failureText = rewrite;
  }

  /**
   * Shows a new view in its cell as {@code display_data} and waits until it is sent, so that it
   * precedes the cell's reply and every later update.
   */
  void show(LiveView view) {
    try {
      thread.submit(() -> send(view, true)).get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(Level.WARNING, "could not show a live view", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Schedules an update of {@code view}; cheap, callable from any thread. */
  void changed(LiveView view) {
    if (!view.flushScheduled().compareAndSet(false, true)) {
      return;
    }
    pending.add(view);
    long sinceLast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - view.lastPublishedNanos());
    long delay = Math.max(SETTLE_MS, MIN_INTERVAL_MS - sinceLast);
    try {
      thread.schedule(() -> sendIfPending(view), delay, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      view.flushScheduled().set(false);
      pending.remove(view);
    }
  }

  /**
   * Sends every scheduled update now and waits until they are out, as well as an update being
   * sent at this moment (already taken off the pending set, so the wait always goes through the
   * publisher thread). Called before a cell's reply, so that the cell's changes (a stream stopped,
   * batches awaited) reach clients that record only the running cell's messages, i.e. saved
   * notebooks show the latest state.
   */
  void flushPending() {
    try {
      thread.submit(() -> {
        for (LiveView view : List.copyOf(pending)) {
          sendIfPending(view);
        }
      }).get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
      LOG.log(Level.WARNING, "could not flush live views", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sendIfPending(LiveView view) {
    pending.remove(view);
    if (view.flushScheduled().compareAndSet(true, false)) {
      send(view, false);
    }
  }

  private void send(LiveView view, boolean first) {
    try {
      DisplayData data = LiveViewRenderer.render(view.snapshot(), failureText);
      data.setDisplayId(view.displayId());
      MessageContext running = cell.get();
      MessageContext parent = running != null ? running : view.origin();
      if (first) {
        iopub.publish(view.origin(), new PublishDisplayData(data));
      } else {
        iopub.publish(parent, new PublishUpdateDisplayData(data));
      }
      view.published(System.nanoTime());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not render a live view", e);
    }
  }

  /** Sends the updates already scheduled (a stopped stream's final state), then stops. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
