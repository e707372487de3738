package dev.eddy.kernel;

import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Handles {@code execute_request}: busy, the input echo, the cell run on the worker, its output,
 * value or error, the reply, idle.
 *
 * <p>While the cell runs it is the {@link CurrentCell}, so that output from any thread, displays
 * and live-view updates are addressed to it. Standard streams and pending live-view updates are
 * flushed before the reply so the cell's last output is not left behind.
 */
final class ExecuteHandler implements ShellHandler<ExecuteRequest> {
  /** An execute reply whose payload asks the front end to page some documentation. */
  static final class PagedReply extends ExecuteReply {
    @SuppressWarnings("unused") // serialized
    private final List<Map<String, Object>> payload;

    PagedReply(int count, Map<String, String> data) {
      super(count, Collections.emptyMap());
      this.payload = List.of(Map.of("source", "page", "data", data, "start", 0));
    }
  }

  private final AtomicInteger executionCount;
  private final CellRunner runner;
  private final CurrentCell cell;
  private final CellHistory history;
  private final LiveViewPublisher liveViews;

  ExecuteHandler(AtomicInteger executionCount, CellRunner runner, CurrentCell cell, CellHistory history,
      LiveViewPublisher liveViews) {
    this.liveViews = liveViews;
    this.executionCount = executionCount;
    this.runner = runner;
    this.cell = cell;
    this.history = history;
  }

  @Override
  public void handle(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
    ExecuteRequest request = message.getContent();
    boolean silent = request.isSilent();
    int count = silent ? executionCount.get() : executionCount.getAndIncrement();
    env.setBusyDeferIdle();
    if (!silent) {
      env.publish(new PublishExecuteInput(request.getCode(), count));
      if (request.shouldStoreHistory()) {
        history.add(count, request.getCode());
      }
    }
    cell.enter(message);
    try {
      CellResult result = runner.run(request.getCode(), count);
      flushStandardStreams();
      liveViews.flushPending();
      if (result.failed()) {
        CellError error = result.error();
        env.publish(new PublishError(error.ename(), error.evalue(), error.traceback()));
        ErrorReply reply = new ErrorReply(error.ename(), error.evalue(), error.traceback());
        reply.setExecutionCount(count);
        env.replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        return;
      }
      if (!silent && result.hasValue() && result.value() != null && !(result.value() instanceof DisplayHandle)) {
        DisplayData data = Renderers.displayData(result.value());
        env.publish(new PublishExecuteResult(count, data));
      }
      env.reply(result.page() == null
          ? new ExecuteReply(count, Collections.emptyMap())
          : new PagedReply(count, Map.copyOf(result.page().data())));
    } finally {
      cell.leave(message);
    }
  }

  private static void flushStandardStreams() {
    System.out.flush();
    System.err.flush();
  }
}
