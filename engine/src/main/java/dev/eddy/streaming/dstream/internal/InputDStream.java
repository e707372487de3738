package dev.eddy.streaming.dstream.internal;

import dev.eddy.streaming.Duration;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.scheduler.StreamInputInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stream that brings data in, as Spark's {@code InputDStream}: it registers with its context's
 * graph, has no parent streams, and reports what each batch read (for
 * {@code BatchInfo.streamIdToInputInfo}, as Spark's {@code InputInfoTracker}). Thread-safe.
 */
public abstract class InputDStream<T> extends DStream<T> {
  private final Map<Time, StreamInputInfo> inputInfos = new ConcurrentHashMap<>();
  private volatile Time zeroTime;

  protected InputDStream(StreamingContext ssc) {
    super(ssc);
    ssc.graph().addInputStream(this);
  }

  /** Called at start with the time one interval before the first batch. */
  public void start(Time zeroTime) {
    this.zeroTime = zeroTime;
  }

  /** Returns the time one interval before the first batch; null before start. */
  protected Time zeroTime() {
    return zeroTime;
  }

  /** Returns the index of the batch at {@code time} since start, from 0. */
  protected long batchIndex(Time time) {
    return time.minus(zeroTime).milliseconds() / slideDuration().milliseconds() - 1;
  }

  /** Records that the batch at {@code time} read {@code n} records. */
  protected void reportRecords(Time time, long n) {
    reportInput(time, n, Map.of());
  }

  /** Records that the batch at {@code time} read {@code n} records, with source-specific metadata. */
  protected void reportInput(Time time, long n, Map<String, Object> metadata) {
    inputInfos.put(time, new StreamInputInfo(id(), n, metadata));
  }

  /** Returns what the batch at {@code time} read; empty if it was not computed. */
  public Optional<StreamInputInfo> inputInfo(Time time) {
    return Optional.ofNullable(inputInfos.get(time));
  }

  @Override
  public Duration slideDuration() {
    return context().batchDuration();
  }

  @Override
  public List<DStream<?>> dependencies() {
    return List.of();
  }

  @Override
  public void clearMetadata(Time time) {
    super.clearMetadata(time);
    inputInfos.keySet().removeIf(t -> !t.greater(time));
  }

  // ---------------------------------------------------------------- streaming checkpoints (recovery)

  /**
   * Returns where this stream stands after the batch at {@code time}, as a JSON object that a
   * checkpoint stores and {@link #restorePosition} reads back (Kafka offsets, a batch index...);
   * empty when the stream cannot say, so that after a recovery it reads on from wherever it then
   * is (the queue stream: its RDDs are not saved). Called on the batch thread.
   */
  public Optional<String> checkpointPosition(Time time) {
    return Optional.empty();
  }

  /**
   * Makes the stream continue from a position {@link #checkpointPosition} returned; called at a
   * recovery, after {@link #start} and before any batch is generated.
   *
   * @throws IllegalArgumentException if {@code json} is not a position of this kind of stream
   */
  public void restorePosition(String json) {
    throw new IllegalArgumentException(getClass().getSimpleName() + " does not record positions, so it cannot restore "
        + json);
  }
}
