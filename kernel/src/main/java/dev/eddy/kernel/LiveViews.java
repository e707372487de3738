package dev.eddy.kernel;

import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.scheduler.BatchCompleted;
import dev.eddy.streaming.scheduler.OutputRows;
import dev.eddy.streaming.scheduler.StreamingListener;
import dev.eddy.streaming.scheduler.StreamingStarted;
import dev.eddy.streaming.scheduler.StreamingStopped;
import io.github.spencerpark.jupyter.messages.MessageContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives every stream started from a cell a live view in that cell.
 *
 * <p>Registered with {@code ActiveContexts}, it hears every streaming context start, on the
 * thread that called {@code start()}: the cell worker, while the cell runs. It then shows a view
 * in that cell and follows that context's events through a listener of its own, handing each
 * event to the view and the publisher; nothing is rendered or sent on engine threads.
 */
final class LiveViews implements StreamingListener {
  private final CurrentCell cell;
  private final LiveViewPublisher publisher;
  private final Map<StreamingContext, LiveView> current = new ConcurrentHashMap<>();

  LiveViews(CurrentCell cell, LiveViewPublisher publisher) {
    this.cell = cell;
    this.publisher = publisher;
  }

  @Override
  public void onStreamingStarted(StreamingStarted event) {
    MessageContext origin = cell.get();
    if (origin == null) {
      return; // started outside any cell: nowhere to show it
    }
    LiveView view = new LiveView(origin, event.context().batchDuration().milliseconds());
    LiveView previous = current.put(event.context(), view);
    if (previous != null && previous.stopped()) {
      publisher.changed(previous);
    }
    event.context().addStreamingListener(new ViewListener(event.context(), view));
    publisher.show(view);
  }

  @Override
  public void onStreamingStopped(StreamingStopped event) {
    LiveView view = current.remove(event.context());
    if (view != null && view.stopped()) {
      publisher.changed(view);
    }
  }

  /** Follows one context's events for one view; ignores them once the view has stopped. */
  private final class ViewListener implements StreamingListener {
    private final StreamingContext context;
    private final LiveView view;

    ViewListener(StreamingContext context, LiveView view) {
      this.context = context;
      this.view = view;
    }

    @Override
    public void onOutputRows(OutputRows event) {
      if (view.rows(event)) {
        publisher.changed(view);
      }
    }

    @Override
    public void onBatchCompleted(BatchCompleted event) {
      if (!view.knowsInputsOf(event.batchInfo())) {
        Map<Integer, String> names = new java.util.HashMap<>();
        context.graph().inputStreams().forEach(s -> names.put(s.id(), s.operatorName() + " [" + s.id() + "]"));
        view.inputNames(names);
      }
      if (view.batchCompleted(event.batchInfo())) {
        publisher.changed(view);
      }
    }

    @Override
    public void onStreamingStopped(StreamingStopped event) {
      context.removeStreamingListener(this); // a restart of the context gets a view of its own
      if (view.stopped()) {
        publisher.changed(view);
      }
    }
  }
}
