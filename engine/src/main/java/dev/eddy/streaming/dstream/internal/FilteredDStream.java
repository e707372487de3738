package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.Function;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.List;
import java.util.Optional;

/** {@code filter}: each batch's RDD filtered by a predicate. Thread-safe. */
public final class FilteredDStream<T> extends DStream<T> {
  private final DStream<T> parent;
  private final Function<T, Boolean> f;

  public FilteredDStream(DStream<T> parent, Function<T, Boolean> f) {
    super(parent.context());
    this.parent = parent;
    this.f = f;
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
  public Optional<RDD<T>> compute(Time validTime) {
    return parent.getOrCompute(validTime).map(rdd -> rdd.filter(f));
  }
}
