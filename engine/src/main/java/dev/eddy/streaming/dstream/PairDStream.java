package dev.eddy.streaming.dstream;

import dev.eddy.api.FlatMapFunction;
import dev.eddy.api.Function;
import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.Partitioner;
import dev.eddy.rdd.RDD;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.MapWithStateDStream;
import dev.eddy.streaming.StateSpec;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.internal.FlatMapValuedDStream;
import dev.eddy.streaming.dstream.internal.MapValuedDStream;
import dev.eddy.streaming.dstream.internal.ReducedWindowedDStream;
import dev.eddy.streaming.dstream.internal.ShuffledDStream;
import dev.eddy.streaming.dstream.internal.TransformedDStream;
import dev.eddy.streaming.dstream.internal.StateDStream;
import java.util.ArrayList;
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

  // ---------------------------------------------------------------- by-key, per batch

  /**
   * Returns a stream with, per batch, one pair per key and the key's values merged by {@code f},
   * in default-parallelism partitions; {@code f} must be associative and commutative.
   */
  public PairDStream<K, V> reduceByKey(Function2<V, V, V> f) {
    return reduceByKey(f, defaultPartitions());
  }

  /** Like {@link #reduceByKey(Function2)} with {@code numPartitions} partitions. */
  public PairDStream<K, V> reduceByKey(Function2<V, V, V> f, int numPartitions) {
    return fromDStream(ShuffledDStream.reduceByKey(this, f, numPartitions));
  }

  /** Like {@link #reduceByKey(Function2)}, placed by {@code partitioner}. */
  public PairDStream<K, V> reduceByKey(Function2<V, V, V> f, Partitioner partitioner) {
    return fromDStream(new ShuffledDStream<>(this, v -> v, f, f, partitioner, true, "reduceByKey"));
  }

  /** Returns a stream with, per batch, each key and all its values, in default-parallelism partitions. */
  public PairDStream<K, Iterable<V>> groupByKey() {
    return groupByKey(defaultPartitions());
  }

  /** Like {@link #groupByKey()} with {@code numPartitions} partitions. */
  public PairDStream<K, Iterable<V>> groupByKey(int numPartitions) {
    return groupByKey(ShuffledDStream.hashPartitioner(numPartitions));
  }

  /** Like {@link #groupByKey()}, placed by {@code partitioner}. */
  public PairDStream<K, Iterable<V>> groupByKey(Partitioner partitioner) {
    return fromDStream(TransformedDStream.named("groupByKey", this, (rdd, t) -> PairRDD.fromRDD(rdd).groupByKey(partitioner)));
  }

  /**
   * Returns a stream with, per batch, each key and its values combined, as Spark's
   * {@code combineByKey}, combining on the map side.
   */
  public <C> PairDStream<K, C> combineByKey(
      Function<V, C> createCombiner, Function2<C, V, C> mergeValue, Function2<C, C, C> mergeCombiners,
      Partitioner partitioner) {
    return combineByKey(createCombiner, mergeValue, mergeCombiners, partitioner, true);
  }

  /** Like {@link #combineByKey(Function, Function2, Function2, Partitioner)}, combining on the map side only if {@code mapSideCombine}. */
  public <C> PairDStream<K, C> combineByKey(
      Function<V, C> createCombiner, Function2<C, V, C> mergeValue, Function2<C, C, C> mergeCombiners,
      Partitioner partitioner, boolean mapSideCombine) {
    return fromDStream(new ShuffledDStream<>(
        this, createCombiner, mergeValue, mergeCombiners, partitioner, mapSideCombine, "combineByKey"));
  }

  /** Returns a stream of each pair's value mapped by {@code f}, keys kept. */
  public <U> PairDStream<K, U> mapValues(Function<V, U> f) {
    return fromDStream(new MapValuedDStream<>(this, f));
  }

  /** Returns a stream of each pair's value turned into zero or more by {@code f}, each with the pair's key. */
  public <U> PairDStream<K, U> flatMapValues(FlatMapFunction<V, U> f) {
    return fromDStream(new FlatMapValuedDStream<>(this, f));
  }

  // ---------------------------------------------------------------- joins, per batch

  /** Returns, per batch, each key's values of this stream and of {@code other}, in default-parallelism partitions. */
  public <W> PairDStream<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairDStream<K, W> other) {
    return cogroup(other, defaultPartitions());
  }

  /** Like {@link #cogroup(PairDStream)} with {@code numPartitions} partitions. */
  public <W> PairDStream<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairDStream<K, W> other, int numPartitions) {
    return cogroup(other, ShuffledDStream.hashPartitioner(numPartitions));
  }

  /** Like {@link #cogroup(PairDStream)}, placed by {@code partitioner}. */
  public <W> PairDStream<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairDStream<K, W> other, Partitioner partitioner) {
    return fromDStream(TransformedDStream.named("cogroup", this, other, (a, b, t) -> PairRDD.fromRDD(a).cogroup(PairRDD.fromRDD(b), partitioner)));
  }

  /** Returns, per batch, the inner join of this stream's pairs with {@code other}'s, in default-parallelism partitions. */
  public <W> PairDStream<K, Tuple2<V, W>> join(PairDStream<K, W> other) {
    return join(other, defaultPartitions());
  }

  /** Like {@link #join(PairDStream)} with {@code numPartitions} partitions. */
  public <W> PairDStream<K, Tuple2<V, W>> join(PairDStream<K, W> other, int numPartitions) {
    return join(other, ShuffledDStream.hashPartitioner(numPartitions));
  }

  /** Like {@link #join(PairDStream)}, placed by {@code partitioner}. */
  public <W> PairDStream<K, Tuple2<V, W>> join(PairDStream<K, W> other, Partitioner partitioner) {
    return fromDStream(TransformedDStream.named("join", this, other, (a, b, t) -> PairRDD.fromRDD(a).join(PairRDD.fromRDD(b), partitioner)));
  }

  /** Returns, per batch, the left outer join with {@code other}, in default-parallelism partitions. */
  public <W> PairDStream<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other) {
    return leftOuterJoin(other, defaultPartitions());
  }

  /** Like {@link #leftOuterJoin(PairDStream)} with {@code numPartitions} partitions. */
  public <W> PairDStream<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other, int numPartitions) {
    return leftOuterJoin(other, ShuffledDStream.hashPartitioner(numPartitions));
  }

  /** Like {@link #leftOuterJoin(PairDStream)}, placed by {@code partitioner}. */
  public <W> PairDStream<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other, Partitioner partitioner) {
    return fromDStream(TransformedDStream.named("leftOuterJoin", this, other, (a, b, t) -> PairRDD.fromRDD(a).leftOuterJoin(PairRDD.fromRDD(b), partitioner)));
  }

  /** Returns, per batch, the right outer join with {@code other}, in default-parallelism partitions. */
  public <W> PairDStream<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other) {
    return rightOuterJoin(other, defaultPartitions());
  }

  /** Like {@link #rightOuterJoin(PairDStream)} with {@code numPartitions} partitions. */
  public <W> PairDStream<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other, int numPartitions) {
    return rightOuterJoin(other, ShuffledDStream.hashPartitioner(numPartitions));
  }

  /** Like {@link #rightOuterJoin(PairDStream)}, placed by {@code partitioner}. */
  public <W> PairDStream<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other, Partitioner partitioner) {
    return fromDStream(TransformedDStream.named("rightOuterJoin", this, other, (a, b, t) -> PairRDD.fromRDD(a).rightOuterJoin(PairRDD.fromRDD(b), partitioner)));
  }

  /** Returns, per batch, the full outer join with {@code other}, in default-parallelism partitions. */
  public <W> PairDStream<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other) {
    return fullOuterJoin(other, defaultPartitions());
  }

  /** Like {@link #fullOuterJoin(PairDStream)} with {@code numPartitions} partitions. */
  public <W> PairDStream<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other, int numPartitions) {
    return fullOuterJoin(other, ShuffledDStream.hashPartitioner(numPartitions));
  }

  /** Like {@link #fullOuterJoin(PairDStream)}, placed by {@code partitioner}. */
  public <W> PairDStream<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other, Partitioner partitioner) {
    return fromDStream(TransformedDStream.named("fullOuterJoin", this, other, (a, b, t) -> PairRDD.fromRDD(a).fullOuterJoin(PairRDD.fromRDD(b), partitioner)));
  }

  // ---------------------------------------------------------------- by-key, over windows

  /** Returns, per batch, each key with all its values of the last {@code windowDuration}. */
  public PairDStream<K, Iterable<V>> groupByKeyAndWindow(Duration windowDuration) {
    return groupByKeyAndWindow(windowDuration, slideDuration());
  }

  /** Returns, at each multiple of {@code slideDuration}, each key with all its values of the last {@code windowDuration}. */
  public PairDStream<K, Iterable<V>> groupByKeyAndWindow(Duration windowDuration, Duration slideDuration) {
    return groupByKeyAndWindow(windowDuration, slideDuration, defaultPartitions());
  }

  /** Like {@link #groupByKeyAndWindow(Duration, Duration)} with {@code numPartitions} partitions. */
  public PairDStream<K, Iterable<V>> groupByKeyAndWindow(Duration windowDuration, Duration slideDuration, int numPartitions) {
    return groupByKeyAndWindow(windowDuration, slideDuration, ShuffledDStream.hashPartitioner(numPartitions));
  }

  /**
   * Like {@link #groupByKeyAndWindow(Duration, Duration)}, placed by {@code partitioner}; as
   * Spark, each batch is grouped first, and the window's groups are then concatenated.
   */
  public PairDStream<K, Iterable<V>> groupByKeyAndWindow(Duration windowDuration, Duration slideDuration, Partitioner partitioner) {
    Function2<List<V>, List<V>, List<V>> concat = (a, b) -> {
      List<V> all = new ArrayList<>(a);
      all.addAll(b);
      return all;
    };
    Function2<List<V>, Iterable<V>, List<V>> addAll = (list, values) -> {
      values.forEach(list::add);
      return list;
    };
    Function<Iterable<V>, List<V>> copy = values -> addAll.call(new ArrayList<>(), values);
    PairDStream<K, Iterable<V>> grouped = groupByKey(partitioner);
    PairDStream<K, Iterable<V>> windowed = grouped.window(windowDuration, slideDuration);
    PairDStream<K, List<V>> merged = windowed.combineByKey(copy, addAll, concat, partitioner, false);
    return merged.mapValues(list -> (Iterable<V>) list);
  }

  /** Returns, per batch, each key's values of the last {@code windowDuration} merged by {@code f}. */
  public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> f, Duration windowDuration) {
    return reduceByKeyAndWindow(f, windowDuration, slideDuration());
  }

  /**
   * Returns, at each multiple of {@code slideDuration}, each key's values of the last
   * {@code windowDuration} merged by {@code f}: each batch is reduced, then the window's
   * reductions, as Spark.
   *
   * @throws IllegalArgumentException if a duration is not a multiple of this stream's slide
   */
  public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> f, Duration windowDuration, Duration slideDuration) {
    return reduceByKeyAndWindow(f, windowDuration, slideDuration, defaultPartitions());
  }

  /** Like {@link #reduceByKeyAndWindow(Function2, Duration, Duration)} with {@code numPartitions} partitions. */
  public PairDStream<K, V> reduceByKeyAndWindow(
      Function2<V, V, V> f, Duration windowDuration, Duration slideDuration, int numPartitions) {
    return reduceByKeyAndWindow(f, windowDuration, slideDuration, ShuffledDStream.hashPartitioner(numPartitions));
  }

  /** Like {@link #reduceByKeyAndWindow(Function2, Duration, Duration)}, placed by {@code partitioner}. */
  public PairDStream<K, V> reduceByKeyAndWindow(
      Function2<V, V, V> f, Duration windowDuration, Duration slideDuration, Partitioner partitioner) {
    return reduceByKey(f, partitioner).window(windowDuration, slideDuration).reduceByKey(f, partitioner);
  }

  /**
   * Returns, at each multiple of {@code slideDuration}, each key's values of the last
   * {@code windowDuration} merged, computed incrementally from the previous window: the batches
   * that entered are merged by {@code f}, those that left are taken out by {@code invF}, as
   * Spark. Keys stay once seen (with a neutral value) unless a filter drops them; see
   * {@link #reduceByKeyAndWindow(Function2, Function2, Duration, Duration, int, Function)}.
   * Without a checkpoint directory, each window is checkpointed locally (its lineage cut at its
   * cached blocks, so it stays short); with one it is checkpointed to files every 10 s or so, as Spark.
   */
  public PairDStream<K, V> reduceByKeyAndWindow(
      Function2<V, V, V> f, Function2<V, V, V> invF, Duration windowDuration, Duration slideDuration) {
    return reduceByKeyAndWindow(f, invF, windowDuration, slideDuration, defaultPartitions(), null);
  }

  /**
   * Like {@link #reduceByKeyAndWindow(Function2, Function2, Duration, Duration)} with
   * {@code numPartitions} partitions, keeping only the pairs for which {@code filterFunc} returns
   * true (null keeps all).
   */
  public PairDStream<K, V> reduceByKeyAndWindow(
      Function2<V, V, V> f, Function2<V, V, V> invF, Duration windowDuration, Duration slideDuration,
      int numPartitions, Function<Tuple2<K, V>, Boolean> filterFunc) {
    return reduceByKeyAndWindow(
        f, invF, windowDuration, slideDuration, ShuffledDStream.hashPartitioner(numPartitions), filterFunc);
  }

  /** Like {@link #reduceByKeyAndWindow(Function2, Function2, Duration, Duration, int, Function)}, placed by {@code partitioner}. */
  public PairDStream<K, V> reduceByKeyAndWindow(
      Function2<V, V, V> f, Function2<V, V, V> invF, Duration windowDuration, Duration slideDuration,
      Partitioner partitioner, Function<Tuple2<K, V>, Boolean> filterFunc) {
    return fromDStream(new ReducedWindowedDStream<>(
        this, f, invF, filterFunc, windowDuration, slideDuration, partitioner));
  }

  // ---------------------------------------------------------------- state

  /**
   * Returns a stream of each key's state, updated every batch by {@code updateFunc} from the
   * key's new values (possibly none) and its previous state (empty for a new key), as Spark's
   * {@code updateStateByKey}; returning empty removes the key. The function is called for every
   * key with a state, every batch; {@link #mapWithState} calls it only for keys with new values.
   *
   * <p>Each batch's state is computed from the previous one, so the lineage grows by a batch each
   * batch. With a checkpoint directory ({@code ssc.checkpoint(dir)}) the state is checkpointed
   * about every 10 s, which cuts it, as Spark; without one (Spark refuses to start then) each
   * state RDD is checkpointed locally ({@code RDD.localCheckpoint()}): its lineage is cut at its
   * cached blocks, so the lineage and the memory held stay the same batch after batch, but a lost
   * block (a stopped context) cannot be recomputed. Set a checkpoint directory for state that
   * must survive a restart. The same holds for {@link #mapWithState} and the inverse forms of the
   * window reductions.
   */
  public <S> PairDStream<K, S> updateStateByKey(Function2<List<V>, Optional<S>, Optional<S>> updateFunc) {
    return updateStateByKey(updateFunc, defaultPartitions());
  }

  /** Like {@link #updateStateByKey(Function2)} with the state in {@code numPartitions} partitions. */
  public <S> PairDStream<K, S> updateStateByKey(
      Function2<List<V>, Optional<S>, Optional<S>> updateFunc, int numPartitions) {
    return updateStateByKey(updateFunc, ShuffledDStream.hashPartitioner(numPartitions));
  }

  /** Like {@link #updateStateByKey(Function2)} with the state placed by {@code partitioner}. */
  public <S> PairDStream<K, S> updateStateByKey(
      Function2<List<V>, Optional<S>, Optional<S>> updateFunc, Partitioner partitioner) {
    return fromDStream(new StateDStream<>(this, updateFunc, partitioner, null));
  }

  /** Like {@link #updateStateByKey(Function2, Partitioner)}, starting from {@code initialRDD}'s states. */
  public <S> PairDStream<K, S> updateStateByKey(
      Function2<List<V>, Optional<S>, Optional<S>> updateFunc, Partitioner partitioner, RDD<Tuple2<K, S>> initialRDD) {
    if (initialRDD == null) {
      throw new NullPointerException("initialRDD");
    }
    return fromDStream(new StateDStream<>(this, updateFunc, partitioner, initialRDD));
  }

  /**
   * Returns the stream of what {@code spec}'s function returns for each record, keeping a state
   * per key, as Spark's {@code mapWithState}: only keys with records in a batch (and keys timing
   * out) are passed to the function. {@link MapWithStateDStream#stateSnapshots()} gives the states.
   */
  public <S, R> MapWithStateDStream<K, V, S, R> mapWithState(StateSpec<K, V, S, R> spec) {
    if (spec == null) {
      throw new NullPointerException("spec");
    }
    return new MapWithStateDStream<>(this, spec);
  }

  // ---------------------------------------------------------------- pair-typed overrides

  @Override
  public PairDStream<K, V> filter(Function<Tuple2<K, V>, Boolean> f) {
    return fromDStream(super.filter(f));
  }

  @Override
  public PairDStream<K, V> repartition(int numPartitions) {
    return fromDStream(super.repartition(numPartitions));
  }

  @Override
  public PairDStream<K, V> union(DStream<Tuple2<K, V>> other) {
    return fromDStream(super.union(other));
  }

  @Override
  public PairDStream<K, V> window(Duration windowDuration) {
    return fromDStream(super.window(windowDuration));
  }

  @Override
  public PairDStream<K, V> window(Duration windowDuration, Duration slideDuration) {
    return fromDStream(super.window(windowDuration, slideDuration));
  }

  @Override
  public PairDStream<K, V> cache() {
    super.cache();
    return this;
  }

  @Override
  public PairDStream<K, V> persist() {
    super.persist();
    return this;
  }

  @Override
  public PairDStream<K, V> persist(StorageLevel level) {
    super.persist(level);
    return this;
  }

  @Override
  public PairDStream<K, V> checkpoint(Duration interval) {
    super.checkpoint(interval);
    return this;
  }

  private int defaultPartitions() {
    return context().sparkContext().defaultParallelism();
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
