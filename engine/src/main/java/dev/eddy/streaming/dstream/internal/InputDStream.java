package dev.eddy.streaming.dstream.internal;

import dev.eddy.streaming.Duration;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stream that brings data in, as Spark's {@code InputDStream}: it registers with its context's
 * graph, has no parent streams, and reports how many records each batch read (for
 * {@code BatchInfo.numRecords}). Thread-safe.
 */
public abstract class InputDStream<T> extends DStream<T> {
  private final Map<Time, Long> records = new ConcurrentHashMap<>();
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
    records.put(time, n);
  }

  /** Returns the records the batch at {@code time} read; 0 if not computed. */
  public long numRecords(Time time) {
    return records.getOrDefault(time, 0L);
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
    records.keySet().removeIf(t -> !t.greater(time));
  }
}
