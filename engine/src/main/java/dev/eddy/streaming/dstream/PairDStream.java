package dev.eddy.streaming.dstream;

import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.internal.ShuffledDStream;
import java.util.List;
import java.util.Optional;

/**
 * A stream of key-value pairs with the by-key operations, as Spark's {@code JavaPairDStream}.
 *
 * <pre>{@code
 * PairDStream<String, Integer> counts = words.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum);
 * }</pre>
 *
 * <p>A typed view of another stream of {@link Tuple2}: each batch's RDD is that stream's RDD seen
 * as a {@link PairRDD}, so {@code foreachRDD} may use {@code PairRDD.fromRDD(rdd)} for by-key
 * operations. Thread-safe.
 */
public final class PairDStream<K, V> extends DStream<Tuple2<K, V>> {
  private final DStream<Tuple2<K, V>> parent;

  private PairDStream(DStream<Tuple2<K, V>> parent) {
    super(parent.context());
    this.parent = parent;
  }

  /** Returns {@code stream} as a pair stream, as Spark's {@code JavaPairDStream.fromJavaDStream}. */
  public static <K, V> PairDStream<K, V> fromDStream(DStream<Tuple2<K, V>> stream) {
    return stream instanceof PairDStream<K, V> pairs ? pairs : new PairDStream<>(stream);
  }

  /**
   * Returns a stream with, per batch, one pair per key and the key's values merged by {@code f},
   * in default-parallelism partitions; {@code f} must be associative and commutative.
   */
  public PairDStream<K, V> reduceByKey(Function2<V, V, V> f) {
    return reduceByKey(f, context().sparkContext().defaultParallelism());
  }

  /** Like {@link #reduceByKey(Function2)} with {@code numPartitions} partitions. */
  public PairDStream<K, V> reduceByKey(Function2<V, V, V> f, int numPartitions) {
    return fromDStream(new ShuffledDStream<>(this, f, numPartitions));
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
    return parent.getOrCompute(validTime).map(PairRDD::fromRDD);
  }

  /** Returns the viewed stream's description. */
  @Override
  public String toString() {
    return parent.toString();
  }
}
