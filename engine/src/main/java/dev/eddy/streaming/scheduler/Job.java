package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.Time;
import java.util.function.Consumer;

/**
 * One output operation's work for one batch, as Spark Streaming's {@code Job}: generated on the
 * timer thread (the RDDs exist, nothing has run) and run later on the batch thread. Immutable.
 *
 * @param time the batch
 * @param outputOpId the output operation, unique within its context
 * @param description what the job does, e.g. {@code "print at ShuffledDStream [4]"}
 * @param body the work; it may publish {@link OutputRows} through the consumer it is given
 */
public record Job(Time time, int outputOpId, String description, Body body) {
  /** The work of a job. */
  @FunctionalInterface
  public interface Body {
    void run(Consumer<OutputRows> rowsSink) throws Exception;
  }

  /** Runs the job on the calling thread. */
  public void run(Consumer<OutputRows> rowsSink) throws Exception {
    body.run(rowsSink);
  }

  @Override
  public String toString() {
    return "output operation " + outputOpId + " (" + description + ") of batch " + time;
  }
}
