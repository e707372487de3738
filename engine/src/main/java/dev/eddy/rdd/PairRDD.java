package dev.eddy.rdd;

import dev.eddy.TaskContext;
import dev.eddy.api.Function;
import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.internal.Iterators;
import dev.eddy.rdd.internal.MapPartitionsRDD;
import dev.eddy.rdd.internal.ShuffledRDD;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RDD of key-value pairs with the by-key operations, as Spark's {@code JavaPairRDD}.
 *
 * <pre>{@code
 * List<Tuple2<String, Integer>> counts = sc.parallelize(words)
 *     .mapToPair(w -> new Tuple2<>(w, 1))
 *     .reduceByKey(Integer::sum)
 *     .collect();
 * }</pre>
 *
 * <p>A {@code PairRDD} is a typed view of another RDD of {@link Tuple2}: it shares that RDD's id,
 * lineage and partitions, so the view adds no step to a job. Keys and values may be null.
 * Immutable and thread-safe, like every RDD.
 */
public final class PairRDD<K, V> extends RDD<Tuple2<K, V>> {
  private final RDD<Tuple2<K, V>> rdd;

  PairRDD(RDD<Tuple2<K, V>> rdd) {
    super(rdd);
    this.rdd = rdd;
  }

  /** Returns {@code rdd} as a pair RDD, as Spark's {@code JavaPairRDD.fromJavaRDD}. */
  public static <K, V> PairRDD<K, V> fromRDD(RDD<Tuple2<K, V>> rdd) {
    return rdd instanceof PairRDD<K, V> pairs ? pairs : new PairRDD<>(rdd);
  }

  /** Returns the RDD this view shows. */
  public RDD<Tuple2<K, V>> rdd() {
    return rdd;
  }

  // ---------------------------------------------------------------- by-key operations

  /**
   * Returns one pair per key with its values merged by {@code f}, in
   * {@link dev.eddy.EddyContext#defaultParallelism() default parallelism} partitions. Values are
   * merged within each partition before the shuffle (map-side combine), as Spark does, so
   * {@code f} must be associative and commutative.
   */
  public PairRDD<K, V> reduceByKey(Function2<V, V, V> f) {
    return reduceByKey(defaultPartitioner(), f);
  }

  /** Returns one pair per key with its values merged by {@code f}, in {@code numPartitions} partitions. */
  public PairRDD<K, V> reduceByKey(Function2<V, V, V> f, int numPartitions) {
    return reduceByKey(new HashPartitioner(numPartitions), f);
  }

  /** Returns one pair per key with its values merged by {@code f}, placed by {@code partitioner}. */
  public PairRDD<K, V> reduceByKey(Partitioner partitioner, Function2<V, V, V> f) {
    return combineByKey(v -> v, f, f, partitioner, "reduceByKey");
  }

  /**
   * Returns one pair per key with its values combined, as Spark's {@code combineByKey}: a
   * combiner starts from a key's first value, takes further values, and merges with the
   * combiners of other partitions.
   */
  public <C> PairRDD<K, C> combineByKey(
      Function<V, C> createCombiner,
      Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners,
      Partitioner partitioner) {
    return combineByKey(createCombiner, mergeValue, mergeCombiners, partitioner, "combineByKey");
  }

  private <C> PairRDD<K, C> combineByKey(
      Function<V, C> createCombiner,
      Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners,
      Partitioner partitioner,
      String operation) {
    Aggregator<K, V, C> aggregator = new Aggregator<>(createCombiner, mergeValue, mergeCombiners);
    if (partitioner().filter(partitioner::equals).isPresent()) {
      // already placed by an equal partitioner: combine within partitions, no shuffle
      return new PairRDD<>(new MapPartitionsRDD<Tuple2<K, V>, Tuple2<K, C>>(
          this, (ctx, i, it) -> aggregator.combineValuesByKey(it), true, operation));
    }
    return new PairRDD<>(new ShuffledRDD<>(new ShuffleDependency<>(this, partitioner, aggregator, true), operation));
  }

  /** Returns the pairs with {@code f} applied to each value; keeps the partitioner. */
  public <U> PairRDD<K, U> mapValues(Function<V, U> f) {
    Function<Tuple2<K, V>, Tuple2<K, U>> g = t -> new Tuple2<>(t._1(), f.call(t._2()));
    return new PairRDD<>(new MapPartitionsRDD<Tuple2<K, V>, Tuple2<K, U>>(
        this, (ctx, i, it) -> Iterators.map(it, g), true, "mapValues"));
  }

  /** Returns the keys. */
  public RDD<K> keys() {
    return map(Tuple2::_1);
  }

  /** Returns the values. */
  public RDD<V> values() {
    return map(Tuple2::_2);
  }

  /** Returns the pairs as a map; for a repeated key the last pair wins, as in Spark. */
  public Map<K, V> collectAsMap() {
    Map<K, V> map = new LinkedHashMap<>();
    for (Tuple2<K, V> t : collect()) {
      map.put(t._1(), t._2());
    }
    return map;
  }

  // ---------------------------------------------------------------- the view delegates

  @Override
  protected List<Partition> getPartitions() {
    return rdd.partitions();
  }

  @Override
  public Iterator<Tuple2<K, V>> compute(Partition split, TaskContext context) {
    return rdd.compute(split, context);
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return rdd.partitioner();
  }

  @Override
  public long count() {
    return rdd.count();
  }

  @Override
  public String name() {
    return rdd.name();
  }

  @Override
  public PairRDD<K, V> setName(String name) {
    rdd.setName(name);
    return this;
  }

  @Override
  public String toString() {
    return rdd.toString();
  }

  private Partitioner defaultPartitioner() {
    return new HashPartitioner(context().defaultParallelism());
  }

  // ---------------------------------------------------------------- persistence, typed as Spark's JavaPairRDD

  @Override
  public PairRDD<K, V> cache() {
    super.cache();
    return this;
  }

  @Override
  public PairRDD<K, V> persist(dev.eddy.storage.StorageLevel level) {
    super.persist(level);
    return this;
  }

  @Override
  public PairRDD<K, V> unpersist() {
    super.unpersist();
    return this;
  }
}
