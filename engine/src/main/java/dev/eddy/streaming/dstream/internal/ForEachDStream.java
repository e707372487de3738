package dev.eddy.streaming.dstream.internal;

import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.scheduler.Job;
import java.util.List;
import java.util.Optional;

/**
 * An output operation, as Spark's {@code ForEachDStream}: at each batch it turns its parent's RDD
 * into a {@link Job} that runs an {@link OutputAction} on the batch thread. Thread-safe.
 */
public final class ForEachDStream<T> extends DStream<Void> {
  private final DStream<T> parent;
  private final OutputAction<T> action;
  private final String description;
  private final String operation;
  private volatile int outputOpId = -1;

  /** @param operation the user-facing name, such as {@code "print"} */
  public ForEachDStream(DStream<T> parent, OutputAction<T> action, String operation) {
    super(parent.context());
    this.parent = parent;
    this.action = action;
    this.description = operation + " at " + parent;
    this.operation = operation;
  }

  /** Registers this output with the context's graph; it runs from the next start on. */
  public void register() {
    outputOpId = context().graph().addOutputStream(this);
  }

  /** Returns the output operation's id, or -1 before {@link #register()}. */
  public int outputOpId() {
    return outputOpId;
  }

  /** Returns e.g. {@code "print at ShuffledDStream [4]"}. */
  public String description() {
    return description;
  }

  /** Returns the job for the batch at {@code time}, computing the parent's RDD now (lazily: no data moves). */
  public Optional<Job> generateJob(Time time) {
    int id = outputOpId;
    return parent.getOrCompute(time).map(rdd -> new Job(
        time, id, description, sink -> action.run(rdd, time, new OutputContext(id, description, sink))));
  }

  /** Returns the output operation's name, such as {@code "print"}. */
  @Override
  public String operatorName() {
    return operation;
  }

  @Override
  public Duration slideDuration() {
    return parent.slideDuration();
  }

  @Override
  public List<DStream<?>> dependencies() {
    return List.of(parent);
  }

  /** Returns empty: an output operation has no RDDs of its own. */
  @Override
  public Optional<RDD<Void>> compute(Time validTime) {
    return Optional.empty();
  }
}
