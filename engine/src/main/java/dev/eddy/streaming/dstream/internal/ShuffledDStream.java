package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.Function;
import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.HashPartitioner;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.Partitioner;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code combineByKey} (and {@code reduceByKey}, {@code groupByKey}): each batch's pairs combined
 * by key through a shuffle, as Spark's {@code ShuffledDStream}. Thread-safe.
 */
public final class ShuffledDStream<K, V, C> extends DStream<Tuple2<K, C>> {
  private final DStream<Tuple2<K, V>> parent;
  private final Function<V, C> createCombiner;
  private final Function2<C, V, C> mergeValue;
  private final Function2<C, C, C> mergeCombiners;
  private final Partitioner partitioner;
  private final boolean mapSideCombine;
  private final String operation;

  /** Creates a {@code reduceByKey}, as the diagram names it. */
  public ShuffledDStream(
      DStream<Tuple2<K, V>> parent,
      Function<V, C> createCombiner,
      Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners,
      Partitioner partitioner,
      boolean mapSideCombine) {
    this(parent, createCombiner, mergeValue, mergeCombiners, partitioner, mapSideCombine, "reduceByKey");
  }

  /** @param operation the name the diagram shows: {@code "reduceByKey"} or {@code "combineByKey"} */
  public ShuffledDStream(
      DStream<Tuple2<K, V>> parent,
      Function<V, C> createCombiner,
      Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners,
      Partitioner partitioner,
      boolean mapSideCombine,
      String operation) {
    super(parent.context());
    if (partitioner == null) {
      throw new NullPointerException("partitioner");
    }
    this.parent = parent;
    this.createCombiner = createCombiner;
    this.mergeValue = mergeValue;
    this.mergeCombiners = mergeCombiners;
    this.partitioner = partitioner;
    this.mapSideCombine = mapSideCombine;
    this.operation = operation;
  }

  /** Returns a {@code reduceByKey} into {@code numPartitions} hash partitions. */
  public static <K, V> ShuffledDStream<K, V, V> reduceByKey(
      DStream<Tuple2<K, V>> parent, Function2<V, V, V> reduce, int numPartitions) {
    return new ShuffledDStream<>(parent, v -> v, reduce, reduce, hashPartitioner(numPartitions), true);
  }

  /** Returns a hash partitioner, or Spark's error for a non-positive number of partitions. */
  public static Partitioner hashPartitioner(int numPartitions) {
    if (numPartitions < 1) {
      throw new IllegalArgumentException("Number of partitions (" + numPartitions + ") must be positive");
    }
    return new HashPartitioner(numPartitions);
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
  public Optional<RDD<Tuple2<K, C>>> compute(Time validTime) {
    return parent.getOrCompute(validTime).map(rdd -> PairRDD.fromRDD(rdd)
        .combineByKey(createCombiner, mergeValue, mergeCombiners, partitioner, mapSideCombine));
  }
}
