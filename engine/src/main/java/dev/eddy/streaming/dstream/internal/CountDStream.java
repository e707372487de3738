package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.Tuple2;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * {@code count}: one element per batch, the number of elements of the batch's RDD, and 0 for an
 * empty batch. Built as Spark builds it: per-partition counts plus a single 0, summed through a
 * one-partition shuffle, so the RDD stays lazy and always holds exactly one element. Thread-safe.
 */
public final class CountDStream<T> extends DStream<Long> {
  private final DStream<T> parent;

  public CountDStream(DStream<T> parent) {
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
  public Optional<RDD<Long>> compute(Time validTime) {
    return parent.getOrCompute(validTime).map(CountDStream::countOf);
  }

  private static <T> RDD<Long> countOf(RDD<T> rdd) {
    RDD<Long> perPartition = rdd.mapPartitions(CountDStream::countElements);
    return perPartition
        .union(rdd.context().parallelize(List.of(0L), 1))
        .mapToPair(n -> new Tuple2<>(0, n))
        .reduceByKey(Long::sum, 1)
        .values();
  }

  private static <T> Iterator<Long> countElements(Iterator<T> it) {
    long n = 0;
    for (; it.hasNext(); it.next()) {
      n++;
    }
    return List.of(n).iterator();
  }
}
