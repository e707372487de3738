package dev.eddy.rdd;

import dev.eddy.TaskContext;
import dev.eddy.api.FlatMapFunction;
import dev.eddy.api.Function;
import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.internal.CoGroupedRDD;
import dev.eddy.rdd.internal.Iterators;
import dev.eddy.rdd.internal.Joins;
import dev.eddy.rdd.internal.MapPartitionsRDD;
import dev.eddy.rdd.internal.NaturalOrder;
import dev.eddy.rdd.internal.ShuffledRDD;
import dev.eddy.rdd.internal.ZeroValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  // ---------------------------------------------------------------- combining by key

  /**
   * Returns one pair per key with its values merged by {@code f}, placed by this RDD's partitioner
   * when it has one (then no shuffle is needed), else in
   * {@link dev.eddy.EddyContext#defaultParallelism() default parallelism} hash partitions. Values
   * are merged within each partition before the shuffle (map-side combine), as Spark does, so
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
    return combineByKey(v -> v, f, f, partitioner, true, "reduceByKey");
  }

  /** Returns one pair per key with its values combined; see {@link #combineByKey(Function, Function2, Function2, Partitioner)}. */
  public <C> PairRDD<K, C> combineByKey(
      Function<V, C> createCombiner, Function2<C, V, C> mergeValue, Function2<C, C, C> mergeCombiners) {
    return combineByKey(createCombiner, mergeValue, mergeCombiners, defaultPartitioner());
  }

  /** Returns one pair per key with its values combined, in {@code numPartitions} hash partitions. */
  public <C> PairRDD<K, C> combineByKey(
      Function<V, C> createCombiner, Function2<C, V, C> mergeValue, Function2<C, C, C> mergeCombiners,
      int numPartitions) {
    return combineByKey(createCombiner, mergeValue, mergeCombiners, new HashPartitioner(numPartitions));
  }

  /**
   * Returns one pair per key with its values combined, as Spark's {@code combineByKey}: a
   * combiner starts from a key's first value, takes further values, and merges with the
   * combiners of other partitions. Combines on the map side. No shuffle when this RDD is already
   * placed by an equal partitioner.
   */
  public <C> PairRDD<K, C> combineByKey(
      Function<V, C> createCombiner,
      Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners,
      Partitioner partitioner) {
    return combineByKey(createCombiner, mergeValue, mergeCombiners, partitioner, true);
  }

  /**
   * Returns one pair per key with its values combined; {@code mapSideCombine} false ships every
   * value through the shuffle and combines only on the reduce side (what {@link #groupByKey()}
   * does, since combining there saves nothing).
   */
  public <C> PairRDD<K, C> combineByKey(
      Function<V, C> createCombiner,
      Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners,
      Partitioner partitioner,
      boolean mapSideCombine) {
    return combineByKey(createCombiner, mergeValue, mergeCombiners, partitioner, mapSideCombine, "combineByKey");
  }

  private <C> PairRDD<K, C> combineByKey(
      Function<V, C> createCombiner,
      Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners,
      Partitioner partitioner,
      boolean mapSideCombine,
      String operation) {
    Aggregator<K, V, C> aggregator = new Aggregator<>(createCombiner, mergeValue, mergeCombiners);
    if (partitioner().filter(partitioner::equals).isPresent()) {
      // already placed by an equal partitioner: combine within partitions, no shuffle
      return new PairRDD<>(new MapPartitionsRDD<Tuple2<K, V>, Tuple2<K, C>>(
          this, (ctx, i, it) -> aggregator.combineValuesByKey(it), true, operation));
    }
    return new PairRDD<>(new ShuffledRDD<>(
        new ShuffleDependency<>(this, partitioner, aggregator, mapSideCombine), operation));
  }

  /**
   * Returns each key with all its values, placed as {@link #reduceByKey(Function2)}. Values are
   * not combined before the shuffle, as Spark; prefer {@code reduceByKey} or
   * {@code aggregateByKey} to aggregate, since a key's values must fit in memory.
   */
  public PairRDD<K, Iterable<V>> groupByKey() {
    return groupByKey(defaultPartitioner());
  }

  /** Returns each key with all its values, in {@code numPartitions} hash partitions. */
  public PairRDD<K, Iterable<V>> groupByKey(int numPartitions) {
    return groupByKey(new HashPartitioner(numPartitions));
  }

  /** Returns each key with all its values, placed by {@code partitioner}. */
  public PairRDD<K, Iterable<V>> groupByKey(Partitioner partitioner) {
    PairRDD<K, List<V>> grouped = combineByKey(v -> {
      List<V> values = new ArrayList<>();
      values.add(v);
      return values;
    }, (values, v) -> {
      values.add(v);
      return values;
    }, (a, b) -> {
      a.addAll(b);
      return a;
    }, partitioner, false, "groupByKey");
    @SuppressWarnings("unchecked")
    PairRDD<K, Iterable<V>> iterables = (PairRDD<K, Iterable<V>>) (PairRDD<K, ?>) grouped;
    return iterables;
  }

  /**
   * Returns each key's values folded into a {@code U}: within a partition each key starts from a
   * fresh copy of {@code zero} and takes values with {@code seqOp}; {@code combOp} merges the
   * partitions' results. Both may update and return their first argument.
   */
  public <U> PairRDD<K, U> aggregateByKey(
      U zero, Partitioner partitioner, Function2<U, V, U> seqOp, Function2<U, U, U> combOp) {
    ZeroValue<U> zeros = ZeroValue.of(zero);
    return combineByKey(v -> seqOp.call(zeros.copy(), v), seqOp, combOp, partitioner, true, "aggregateByKey");
  }

  /** Returns each key's values folded into a {@code U}, in {@code numPartitions} hash partitions. */
  public <U> PairRDD<K, U> aggregateByKey(
      U zero, int numPartitions, Function2<U, V, U> seqOp, Function2<U, U, U> combOp) {
    return aggregateByKey(zero, new HashPartitioner(numPartitions), seqOp, combOp);
  }

  /** Returns each key's values folded into a {@code U}, placed as {@link #reduceByKey(Function2)}. */
  public <U> PairRDD<K, U> aggregateByKey(U zero, Function2<U, V, U> seqOp, Function2<U, U, U> combOp) {
    return aggregateByKey(zero, defaultPartitioner(), seqOp, combOp);
  }

  /**
   * Returns each key's values merged by {@code f}, starting from a fresh copy of {@code zero} per
   * key and partition, so a {@code zero} that is not neutral counts once per partition holding the key.
   */
  public PairRDD<K, V> foldByKey(V zero, Partitioner partitioner, Function2<V, V, V> f) {
    ZeroValue<V> zeros = ZeroValue.of(zero);
    return combineByKey(v -> f.call(zeros.copy(), v), f, f, partitioner, true, "foldByKey");
  }

  /** Returns each key's values merged by {@code f} from {@code zero}, in {@code numPartitions} partitions. */
  public PairRDD<K, V> foldByKey(V zero, int numPartitions, Function2<V, V, V> f) {
    return foldByKey(zero, new HashPartitioner(numPartitions), f);
  }

  /** Returns each key's values merged by {@code f} from {@code zero}, placed as {@link #reduceByKey(Function2)}. */
  public PairRDD<K, V> foldByKey(V zero, Function2<V, V, V> f) {
    return foldByKey(zero, defaultPartitioner(), f);
  }

  /** Returns how many pairs each key has; the map allows a null key. Costs a shuffle. */
  public Map<K, Long> countByKey() {
    Map<K, Long> counts = new HashMap<>();
    for (Tuple2<K, Long> t : mapValues(v -> 1L).reduceByKey(Long::sum).collect()) {
      counts.put(t._1(), t._2());
    }
    return counts;
  }

  // ---------------------------------------------------------------- placing and sorting

  /**
   * Returns the pairs placed by {@code partitioner}; this RDD itself when it is already placed by
   * an equal partitioner, else a shuffle. Later by-key operations with the same partitioner
   * (reduceByKey, groupByKey, join, cogroup) then need no shuffle.
   */
  public PairRDD<K, V> partitionBy(Partitioner partitioner) {
    if (partitioner().filter(partitioner::equals).isPresent()) {
      return this;
    }
    return new PairRDD<>(new ShuffledRDD<K, V, V>(new ShuffleDependency<>(this, partitioner, null, false), "partitionBy"));
  }

  /** Returns the pairs sorted by key in natural order, ascending; see {@link #sortByKey(Comparator, boolean, int)}. */
  public PairRDD<K, V> sortByKey() {
    return sortByKey(true);
  }

  /** Returns the pairs sorted by key in natural order, in as many partitions as this RDD. */
  public PairRDD<K, V> sortByKey(boolean ascending) {
    return sortByKey(ascending, Math.max(1, getNumPartitions()));
  }

  /** Returns the pairs sorted by key in natural order, in up to {@code numPartitions} ranges. */
  public PairRDD<K, V> sortByKey(boolean ascending, int numPartitions) {
    return sortByKey(null, ascending, numPartitions);
  }

  /** Returns the pairs sorted by key with {@code comp}, ascending. */
  public PairRDD<K, V> sortByKey(Comparator<K> comp) {
    return sortByKey(comp, true);
  }

  /** Returns the pairs sorted by key with {@code comp}, in as many partitions as this RDD. */
  public PairRDD<K, V> sortByKey(Comparator<K> comp, boolean ascending) {
    return sortByKey(comp, ascending, Math.max(1, getNumPartitions()));
  }

  /**
   * Returns the pairs sorted by key, as Spark: a {@link RangePartitioner} samples the keys (a job,
   * run now) and cuts them into up to {@code numPartitions} ranges, a shuffle places each pair in
   * its range, and each partition is sorted, so {@code collect()} returns all pairs in order.
   * Equal keys keep no particular order. With natural order ({@code comp} null) a null key fails
   * with an {@link IllegalArgumentException}; pass a comparator that places nulls to allow them.
   */
  public PairRDD<K, V> sortByKey(Comparator<K> comp, boolean ascending, int numPartitions) {
    if (numPartitions < 1) {
      throw new IllegalArgumentException("Number of partitions (" + numPartitions + ") must be positive.");
    }
    Comparator<K> order = comp == null ? NaturalOrder.get() : comp;
    RangePartitioner<K> ranges = new RangePartitioner<>(numPartitions, this, ascending, order);
    Comparator<Tuple2<K, V>> byKey = (a, b) -> order.compare(a._1(), b._1());
    Comparator<Tuple2<K, V>> direction = ascending ? byKey : byKey.reversed();
    ShuffledRDD<K, V, V> placed = new ShuffledRDD<>(new ShuffleDependency<>(this, ranges, null, false), "sortByKey");
    return new PairRDD<>(new MapPartitionsRDD<Tuple2<K, V>, Tuple2<K, V>>(placed, (ctx, i, it) -> {
      List<Tuple2<K, V>> sorted = new ArrayList<>();
      it.forEachRemaining(sorted::add);
      sorted.sort(direction);
      return sorted.iterator();
    }, true, "sortByKey"));
  }

  // ---------------------------------------------------------------- per-value operations

  /** Returns the pairs with {@code f} applied to each value; keeps the partitioner. */
  public <U> PairRDD<K, U> mapValues(Function<V, U> f) {
    Function<Tuple2<K, V>, Tuple2<K, U>> g = t -> new Tuple2<>(t._1(), f.call(t._2()));
    return new PairRDD<>(new MapPartitionsRDD<Tuple2<K, V>, Tuple2<K, U>>(
        this, (ctx, i, it) -> Iterators.map(it, g), true, "mapValues"));
  }

  /** Returns a pair {@code (k, u)} for each {@code u} that {@code f} returns for a value of k; keeps the partitioner. */
  public <U> PairRDD<K, U> flatMapValues(FlatMapFunction<V, U> f) {
    FlatMapFunction<Tuple2<K, V>, Tuple2<K, U>> g = t -> {
      Iterator<U> us = f.call(t._2());
      return us == null ? Collections.emptyIterator() : Iterators.map(us, u -> new Tuple2<>(t._1(), u));
    };
    return new PairRDD<>(new MapPartitionsRDD<Tuple2<K, V>, Tuple2<K, U>>(
        this, (ctx, i, it) -> Iterators.flatMap(it, g), true, "flatMapValues"));
  }

  /** Returns the keys. */
  public RDD<K> keys() {
    return map(Tuple2::_1);
  }

  /** Returns the values. */
  public RDD<V> values() {
    return map(Tuple2::_2);
  }

  // ---------------------------------------------------------------- two pair RDDs

  /**
   * Returns, for each key of either RDD, the values it has in this RDD and in {@code other},
   * placed by this RDD's or {@code other}'s partitioner when one has one (the one with more
   * partitions), else in default parallelism hash partitions.
   */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other) {
    return cogroup(other, defaultPartitioner(other));
  }

  /** Returns each key's values in both RDDs, in {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other, int numPartitions) {
    return cogroup(other, new HashPartitioner(numPartitions));
  }

  /**
   * Returns each key's values in both RDDs, placed by {@code partitioner}. A side already placed by
   * an equal partitioner is read without a shuffle.
   */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other, Partitioner partitioner) {
    CoGroupedRDD<K> grouped = new CoGroupedRDD<>(List.of(this, other), partitioner);
    return PairRDD.fromRDD(grouped).mapValues(groups -> new Tuple2<>(unmodifiable(groups.get(0)), unmodifiable(groups.get(1))));
  }

  /**
   * Returns a pair {@code (k, (v, w))} for every value v of k in this RDD and w of k in
   * {@code other}: duplicate keys on both sides give every combination. Placed as
   * {@link #cogroup(PairRDD)}; co-partitioned inputs need no shuffle.
   */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other) {
    return join(other, defaultPartitioner(other));
  }

  /** Returns the inner join, in {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other, int numPartitions) {
    return join(other, new HashPartitioner(numPartitions));
  }

  /** Returns the inner join, placed by {@code partitioner}. */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other, Partitioner partitioner) {
    return cogroup(other, partitioner).flatMapValues(Joins::inner);
  }

  /**
   * Returns the inner join plus {@code (k, (v, Optional.empty()))} for each value of a key that
   * {@code other} lacks. A null w also shows as empty: {@code java.util.Optional} cannot hold null.
   */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other) {
    return leftOuterJoin(other, defaultPartitioner(other));
  }

  /** Returns the left outer join, in {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other, int numPartitions) {
    return leftOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /** Returns the left outer join, placed by {@code partitioner}. */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other, Partitioner partitioner) {
    return cogroup(other, partitioner).flatMapValues(Joins::leftOuter);
  }

  /** Returns the inner join plus {@code (k, (Optional.empty(), w))} for each value of a key this RDD lacks. */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other) {
    return rightOuterJoin(other, defaultPartitioner(other));
  }

  /** Returns the right outer join, in {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other, int numPartitions) {
    return rightOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /** Returns the right outer join, placed by {@code partitioner}. */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other, Partitioner partitioner) {
    return cogroup(other, partitioner).flatMapValues(Joins::rightOuter);
  }

  /** Returns the inner join plus the unmatched values of both sides, the missing side as empty. */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other) {
    return fullOuterJoin(other, defaultPartitioner(other));
  }

  /** Returns the full outer join, in {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other, int numPartitions) {
    return fullOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /** Returns the full outer join, placed by {@code partitioner}. */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other, Partitioner partitioner) {
    return cogroup(other, partitioner).flatMapValues(Joins::fullOuter);
  }

  /** Returns the pairs whose key is not in {@code other}, in as many partitions as this RDD. */
  public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other) {
    return subtractByKey(other, new HashPartitioner(Math.max(1, getNumPartitions())));
  }

  /** Returns the pairs whose key is not in {@code other}, placed by {@code partitioner}; duplicates kept. */
  public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other, Partitioner partitioner) {
    return cogroup(other, partitioner).flatMapValues(
        groups -> groups._2().iterator().hasNext() ? Collections.emptyIterator() : groups._1().iterator());
  }

  // ---------------------------------------------------------------- actions

  /** Returns the pairs as a map; for a repeated key the last pair wins, as in Spark. */
  public Map<K, V> collectAsMap() {
    Map<K, V> map = new LinkedHashMap<>();
    for (Tuple2<K, V> t : collect()) {
      map.put(t._1(), t._2());
    }
    return map;
  }

  /**
   * Returns the values of {@code key} (which may be null), in partition order. With a known
   * partitioner only the key's partition is read.
   */
  public List<V> lookup(K key) {
    Optional<Partitioner> placed = partitioner();
    if (placed.isEmpty()) {
      return PairRDD.fromRDD(filter(t -> Objects.equals(t._1(), key))).values().collect();
    }
    int partition = placed.get().getPartition(key);
    return context().runJob(this, (ctx, it) -> {
      List<V> values = new ArrayList<>();
      it.forEachRemaining(t -> {
        if (Objects.equals(t._1(), key)) {
          values.add(t._2());
        }
      });
      return values;
    }, List.of(partition)).get(0);
  }

  // ---------------------------------------------------------------- RDD operations that stay pairs

  /** Returns the pairs for which {@code f} returns true, as a pair RDD; keeps the partitioner. */
  @Override
  public PairRDD<K, V> filter(Function<Tuple2<K, V>, Boolean> f) {
    return fromRDD(super.filter(f));
  }

  @Override
  public PairRDD<K, V> distinct() {
    return fromRDD(super.distinct());
  }

  @Override
  public PairRDD<K, V> distinct(int numPartitions) {
    return fromRDD(super.distinct(numPartitions));
  }

  @Override
  public PairRDD<K, V> union(RDD<Tuple2<K, V>> other) {
    return fromRDD(super.union(other));
  }

  @Override
  public PairRDD<K, V> intersection(RDD<Tuple2<K, V>> other) {
    return fromRDD(super.intersection(other));
  }

  @Override
  public PairRDD<K, V> subtract(RDD<Tuple2<K, V>> other) {
    return fromRDD(super.subtract(other));
  }

  @Override
  public PairRDD<K, V> subtract(RDD<Tuple2<K, V>> other, int numPartitions) {
    return fromRDD(super.subtract(other, numPartitions));
  }

  @Override
  public PairRDD<K, V> sample(boolean withReplacement, double fraction) {
    return fromRDD(super.sample(withReplacement, fraction));
  }

  @Override
  public PairRDD<K, V> sample(boolean withReplacement, double fraction, long seed) {
    return fromRDD(super.sample(withReplacement, fraction, seed));
  }

  @Override
  public PairRDD<K, V> coalesce(int numPartitions, boolean shuffle) {
    return fromRDD(super.coalesce(numPartitions, shuffle));
  }

  @Override
  public PairRDD<K, V> coalesce(int numPartitions) {
    return coalesce(numPartitions, false);
  }

  @Override
  public PairRDD<K, V> repartition(int numPartitions) {
    return coalesce(numPartitions, true);
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

  /**
   * Returns the partitioner of this RDD or {@code others} with the most partitions, as Spark's
   * {@code Partitioner.defaultPartitioner}, so that pre-partitioned inputs need no shuffle; else
   * hash partitioning over the context's default parallelism.
   */
  private Partitioner defaultPartitioner(RDD<?>... others) {
    Partitioner best = partitioner().orElse(null);
    for (RDD<?> other : others) {
      Partitioner p = other.partitioner().orElse(null);
      if (p != null && (best == null || p.numPartitions() > best.numPartitions())) {
        best = p;
      }
    }
    return best != null ? best : new HashPartitioner(context().defaultParallelism());
  }

  private static <T> Iterable<T> unmodifiable(List<Object> values) {
    @SuppressWarnings("unchecked")
    List<T> typed = (List<T>) (List<?>) values;
    return Collections.unmodifiableList(typed);
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

  @Override
  public PairRDD<K, V> localCheckpoint() {
    super.localCheckpoint();
    return this;
  }
}
