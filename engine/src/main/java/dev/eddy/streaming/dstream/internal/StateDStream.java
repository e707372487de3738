package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.Partitioner;
import dev.eddy.rdd.RDD;
import dev.eddy.rdd.internal.CoGroupedRDD;
import dev.eddy.rdd.internal.UserFunctionException;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code updateStateByKey}, as Spark's {@code StateDStream}: each batch's state is the previous
 * batch's state cogrouped with the batch's new values by key, and the update function is called
 * for every key that has a state or new values (so every key, every batch); returning empty
 * removes the key. The first batch starts from the initial RDD, if any. State RDDs are persisted
 * at {@link StorageLevel#MEMORY_ONLY_SER} (as Spark, so an update function that mutates its state
 * cannot change an earlier batch's) and checkpointed at Spark's default interval when a checkpoint
 * directory is set. Thread-safe.
 */
public final class StateDStream<K, V, S> extends DStream<Tuple2<K, S>> {
  private final DStream<Tuple2<K, V>> parent;
  private final Function2<List<V>, Optional<S>, Optional<S>> updateFunc;
  private final Partitioner partitioner;
  private final RDD<Tuple2<K, S>> initialRDD;

  /** @param initialRDD the state before the first batch, or null for none */
  public StateDStream(
      DStream<Tuple2<K, V>> parent,
      Function2<List<V>, Optional<S>, Optional<S>> updateFunc,
      Partitioner partitioner,
      RDD<Tuple2<K, S>> initialRDD) {
    super(parent.context());
    if (updateFunc == null || partitioner == null) {
      throw new NullPointerException("updateStateByKey needs an update function and a partitioner");
    }
    this.parent = parent;
    this.updateFunc = updateFunc;
    this.partitioner = partitioner;
    this.initialRDD = initialRDD;
    persist(StorageLevel.MEMORY_ONLY_SER);
  }

  @Override
  public String operatorName() {
    return "updateStateByKey";
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
  protected boolean mustCheckpoint() {
    return true;
  }

  @Override
  public Optional<RDD<Tuple2<K, S>>> compute(Time validTime) {
    Optional<RDD<Tuple2<K, S>>> previous = getOrCompute(validTime.minus(slideDuration()));
    RDD<Tuple2<K, S>> previousState = previous.orElse(initialRDD);
    Optional<RDD<Tuple2<K, V>>> data = parent.getOrCompute(validTime);
    if (data.isEmpty()) {
      // no new values: every key's state goes through the function with none
      return Optional.ofNullable(previousState).map(this::withoutNewValues);
    }
    if (previousState == null) {
      return Optional.of(applyGrouped(PairRDD.fromRDD(data.get()).groupByKey(partitioner).mapValues(StateDStream::toList)));
    }
    List<RDD<? extends Tuple2<K, ?>>> both = List.of(previousState, data.get());
    return Optional.of(applyCogrouped(new CoGroupedRDD<K>(both, partitioner)));
  }

  private RDD<Tuple2<K, S>> withoutNewValues(RDD<Tuple2<K, S>> state) {
    Function2<List<V>, Optional<S>, Optional<S>> f = updateFunc;
    return state.mapPartitions(it -> updates(it, kv -> update(f, kv._1(), List.of(), Optional.of(kv._2()))), true);
  }

  private RDD<Tuple2<K, S>> applyGrouped(PairRDD<K, List<V>> grouped) {
    Function2<List<V>, Optional<S>, Optional<S>> f = updateFunc;
    return grouped.mapPartitions(it -> updates(it, kv -> update(f, kv._1(), kv._2(), Optional.empty())), true);
  }

  @SuppressWarnings("unchecked")
  private RDD<Tuple2<K, S>> applyCogrouped(CoGroupedRDD<K> cogrouped) {
    Function2<List<V>, Optional<S>, Optional<S>> f = updateFunc;
    return cogrouped.mapPartitions(it -> updates(it, kv -> {
      List<Object> states = kv._2().get(0);
      List<V> values = (List<V>) (List<?>) kv._2().get(1);
      Optional<S> state = states.isEmpty() ? Optional.empty() : Optional.of((S) states.get(0));
      return update(f, kv._1(), values, state);
    }), true);
  }

  private static <V> List<V> toList(Iterable<V> values) {
    List<V> list = new ArrayList<>();
    values.forEach(list::add);
    return list;
  }

  private static <K, V, S> Tuple2<K, S> update(
      Function2<List<V>, Optional<S>, Optional<S>> f, K key, List<V> values, Optional<S> state) throws Exception {
    Optional<S> next = f.call(values, state);
    if (next == null) {
      throw new IllegalStateException("the updateStateByKey function returned null for key " + key
          + "; return Optional.empty() to remove the key");
    }
    return next.map(s -> new Tuple2<>(key, s)).orElse(null);
  }

  /** A step that returns the key's new state, or null to drop the key. */
  @FunctionalInterface
  private interface Step<A, K, S> {
    Tuple2<K, S> apply(A element) throws Exception;
  }

  private static <A, K, S> Iterator<Tuple2<K, S>> updates(Iterator<A> elements, Step<A, K, S> step) {
    List<Tuple2<K, S>> out = new ArrayList<>();
    while (elements.hasNext()) {
      Tuple2<K, S> next;
      try {
        next = step.apply(elements.next());
      } catch (Exception e) {
        throw UserFunctionException.wrap(e);
      }
      if (next != null) {
        out.add(next);
      }
    }
    return out.iterator();
  }

  /** Saves the state as of {@code time} as blob {@code state} (no partitions when there is none yet). */
  @Override
  public Map<String, List<List<?>>> checkpointData(Time time) {
    return Map.of("state", getOrCompute(time).map(DStream::partitionsOf).orElse(List.of()));
  }

  /** Makes the saved state this stream's RDD at {@code time}, placed by its partitioner. */
  @Override
  public void restoreCheckpointData(Time time, Map<String, List<List<?>>> data) {
    List<List<?>> state = data.get("state");
    if (state != null) {
      List<Tuple2<K, S>> pairs = elementsOf(state);
      restoreRDD(time, PairRDD.fromRDD(context().sparkContext().parallelize(pairs)).partitionBy(partitioner));
    }
  }
}
