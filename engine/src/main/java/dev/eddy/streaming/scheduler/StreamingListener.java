package dev.eddy.streaming.scheduler;

/**
 * Receives the events of a running streaming context, as Spark's {@code StreamingListener}. Every
 * method has a no-op default, so a listener overrides only what it needs.
 *
 * <p>{@link #onStreamingStarted} and {@link #onStreamingStopped} are called on the thread that
 * called {@code start()} / {@code stop()}, before that call returns; every other event is delivered
 * in order on the context's listener thread, never on a task thread. A listener that throws is
 * reported on stderr and keeps receiving events.
 */
public interface StreamingListener {
  default void onStreamingStarted(StreamingStarted event) {}

  default void onBatchSubmitted(BatchSubmitted event) {}

  default void onBatchStarted(BatchStarted event) {}

  default void onBatchCompleted(BatchCompleted event) {}

  default void onOutputRows(OutputRows event) {}

  default void onStreamingStopped(StreamingStopped event) {}

  /** Called after each streaming checkpoint write, successful or not, before the batch's {@code onBatchCompleted}. */
  default void onCheckpointWritten(CheckpointWritten event) {}
}
