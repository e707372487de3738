package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.FlatMapFunction;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** {@code mapPartitions}: a function applied to each partition's iterator of each batch. Thread-safe. */
public final class MapPartitionedDStream<T, R> extends DStream<R> {
  private final DStream<T> parent;
  private final FlatMapFunction<Iterator<T>, R> f;
  private final boolean preservesPartitioning;
  private final String operation;

  public MapPartitionedDStream(DStream<T> parent, FlatMapFunction<Iterator<T>, R> f, boolean preservesPartitioning) {
    this(parent, f, preservesPartitioning, "mapPartitions");
  }

  /** @param operation the name the diagram shows, such as {@code "mapPartitionsToPair"} */
  public MapPartitionedDStream(
      DStream<T> parent, FlatMapFunction<Iterator<T>, R> f, boolean preservesPartitioning, String operation) {
    super(parent.context());
    this.parent = parent;
    this.f = f;
    this.preservesPartitioning = preservesPartitioning;
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
    return parent.getOrCompute(validTime).map(rdd -> rdd.mapPartitions(f, preservesPartitioning));
  }
}
