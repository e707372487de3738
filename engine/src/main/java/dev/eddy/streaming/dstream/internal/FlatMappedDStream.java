package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.FlatMapFunction;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.List;
import java.util.Optional;

/** {@code flatMap}: each batch's RDD flat-mapped by a function. Thread-safe. */
public final class FlatMappedDStream<T, R> extends DStream<R> {
  private final DStream<T> parent;
  private final FlatMapFunction<T, R> f;
  private final String operation;

  public FlatMappedDStream(DStream<T> parent, FlatMapFunction<T, R> f) {
    this(parent, f, "flatMap");
  }

  /** @param operation the name the diagram shows, such as {@code "flatMapToPair"} */
  public FlatMappedDStream(DStream<T> parent, FlatMapFunction<T, R> f, String operation) {
    super(parent.context());
    this.parent = parent;
    this.f = f;
    this.operation = operation;
  }

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

  @Override
  public Optional<RDD<R>> compute(Time validTime) {
    return parent.getOrCompute(validTime).map(rdd -> rdd.flatMap(f));
  }
}
