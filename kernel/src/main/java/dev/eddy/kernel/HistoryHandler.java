package dev.eddy.kernel;

import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Handles {@code history_request} from the {@link CellHistory}. Replaces the library's handler,
 * whose reply has no {@code status} and serializes entries as objects instead of the protocol's
 * {@code (session, line, input)} tuples.
 */
final class HistoryHandler implements ShellHandler<HistoryRequest> {
  /** The reply's content, serialized as is. */
  @SuppressWarnings("unused") // serialized
  static final class Reply {
    private final String status = "ok";
    private final List<List<Object>> history;

    Reply(List<List<Object>> history) {
      this.history = history;
    }
  }

  private final CellHistory history;

  HistoryHandler(CellHistory history) {
    this.history = history;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void handle(ShellReplyEnvironment env, Message<HistoryRequest> message) {
    env.setBusyDeferIdle();
    HistoryRequest request = message.getContent();
    Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
    if (request.includeOutput()) {
      flags.add(ResultFlag.INCLUDE_OUTPUT);
    }
    List<HistoryEntry> entries = switch (request.getAccessType()) {
      case TAIL -> history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
      case RANGE -> {
        HistoryRequest.Range range = (HistoryRequest.Range) request;
        yield history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
      }
      case SEARCH -> {
        HistoryRequest.Search search = (HistoryRequest.Search) request;
        if (search.filterUnique()) {
          flags.add(ResultFlag.UNIQUE);
        }
        yield history.search(search.getPattern(), search.getMaxReturnLength(), flags);
      }
    };
    List<List<Object>> tuples = new ArrayList<>();
    for (HistoryEntry entry : entries) {
      Object input = entry.hasOutput() ? List.of(entry.getInput(), entry.getOutput()) : entry.getInput();
      tuples.add(List.of(entry.getSession(), entry.getCellNumber(), input));
    }
    env.reply(new Message(message, MessageType.HISTORY_REPLY, new Reply(tuples)));
  }
}
