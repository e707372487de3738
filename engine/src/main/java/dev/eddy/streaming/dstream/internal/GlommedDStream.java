package dev.eddy.streaming.dstream.internal;

import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.List;
import java.util.Optional;

/** {@code glom}: each batch's partitions turned into one list each. Thread-safe. */
public final class GlommedDStream<T> extends DStream<List<T>> {
  private final DStream<T> parent;

  public GlommedDStream(DStream<T> parent) {
    super(parent.context());
    this.parent = parent;
  }

  @Override
  public Duration slideDuration() {
    return parent.slideDuration();
  }

  @Override
  public List<DStream<?>> dependencies() {
    return List.of(parent);
  }

  @Override
  public Optional<RDD<List<T>>> compute(Time validTime) {
    return parent.getOrCompute(validTime).map(RDD::glom);
  }
}
