package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.Time;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A record of the {@link ReceivedBlockTracker}'s write-ahead log, as Spark's {@code
 * ReceivedBlockTrackerLogEvent}: replaying them in order rebuilds which blocks await a batch, which
 * batch holds which blocks, and which batches are done. Serialized with the engine's serializer.
 * Immutable.
 */
public sealed interface ReceivedBlockTrackerLogEvent extends Serializable {

  /** A receiver stored and reported {@code block}; it awaits the next batch. */
  record BlockAdditionEvent(ReceivedBlockInfo block) implements ReceivedBlockTrackerLogEvent {}

  /**
   * The batch at {@code time} took every block that awaited a batch: {@code blocks} by stream id,
   * each list in the order received.
   */
  record BatchAllocationEvent(Time time, Map<Integer, List<ReceivedBlockInfo>> blocks)
      implements ReceivedBlockTrackerLogEvent {}

  /**
   * The batches at {@code times} completed (successfully or not): their blocks are not needed
   * again and a recovery does not run them again.
   */
  record BatchCleanupEvent(List<Time> times) implements ReceivedBlockTrackerLogEvent {}
}
