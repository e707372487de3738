package dev.eddy.streaming.dstream.internal;

import dev.eddy.streaming.Time;
import dev.eddy.streaming.scheduler.OutputRows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an {@link OutputAction} may use while it runs: its output operation's id and description
 * and a way to publish rows to the context's listeners. Immutable.
 */
public record OutputContext(int outputOpId, String description, Consumer<OutputRows> rowsSink) {
  /** Publishes the first rows of the batch at {@code time} as an {@link OutputRows} event. */
  public void publishRows(Time time, List<Object> rows, boolean hasMore) {
    rowsSink.accept(new OutputRows(time, outputOpId, description, copy(rows), hasMore));
  }

  private static List<Object> copy(List<Object> rows) {
    // not List.copyOf: a stream's elements may be null
    return Collections.unmodifiableList(new ArrayList<>(rows));
  }
}
