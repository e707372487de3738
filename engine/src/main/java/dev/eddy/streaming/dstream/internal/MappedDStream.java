package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.Function;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.List;
import java.util.Optional;

/** {@code map}: each batch's RDD mapped by a function. Thread-safe. */
public final class MappedDStream<T, R> extends DStream<R> {
  private final DStream<T> parent;
  private final Function<T, R> f;
  private final String operation;

  public MappedDStream(DStream<T> parent, Function<T, R> f) {
    this(parent, f, "map");
  }

  /** @param operation the name the diagram shows, such as {@code "mapToPair"} */
  public MappedDStream(DStream<T> parent, Function<T, R> f, String operation) {
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
    return parent.getOrCompute(validTime).map(rdd -> rdd.map(f));
  }
}
