package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.List;
import java.util.Optional;

/** {@code reduceByKey}: each batch's pairs reduced by key through a shuffle, as Spark's. Thread-safe. */
public final class ShuffledDStream<K, V> extends DStream<Tuple2<K, V>> {
  private final DStream<Tuple2<K, V>> parent;
  private final Function2<V, V, V> reduce;
  private final int numPartitions;

  public ShuffledDStream(DStream<Tuple2<K, V>> parent, Function2<V, V, V> reduce, int numPartitions) {
    super(parent.context());
    if (numPartitions < 1) {
      throw new IllegalArgumentException("Number of partitions (" + numPartitions + ") must be positive");
    }
    this.parent = parent;
    this.reduce = reduce;
    this.numPartitions = numPartitions;
  }

  @Override
  public String operatorName() {
    return "reduceByKey";
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
  public Optional<RDD<Tuple2<K, V>>> compute(Time validTime) {
    return parent.getOrCompute(validTime).map(rdd -> PairRDD.fromRDD(rdd).reduceByKey(reduce, numPartitions));
  }
}
