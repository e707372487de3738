package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.Tuple2;
import dev.eddy.rdd.HashPartitioner;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.Partitioner;
import dev.eddy.rdd.RDD;
import dev.eddy.rdd.internal.ZippedPartitionsRDD;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.StateSpec;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state behind {@code mapWithState}, as Spark's {@code InternalMapWithStateDStream}: one
 * {@link MapWithStatePartition} per partition of the state's partitioner, each batch's built from
 * the previous batch's and the batch's records placed by the same partitioner (a zip of the two,
 * so only the records move). The first batch starts from the spec's initial state or from empty
 * maps. Persisted in memory, deserialized (the maps are never changed once built), and
 * checkpointed at Spark's default interval when a checkpoint directory is set. Thread-safe.
 */
public final class InternalMapWithStateDStream<K, V, S, R> extends DStream<MapWithStatePartition<K, S, R>> {
  private final DStream<Tuple2<K, V>> parent;
  private final StateSpec<K, V, S, R> spec;
  private final Partitioner partitioner;

  public InternalMapWithStateDStream(DStream<Tuple2<K, V>> parent, StateSpec<K, V, S, R> spec) {
    super(parent.context());
    this.parent = parent;
    this.spec = spec;
    this.partitioner = spec.getPartitioner()
        .orElseGet(() -> new HashPartitioner(parent.context().sparkContext().defaultParallelism()));
    persist(StorageLevel.MEMORY_ONLY);
  }

  /** Returns {@code "state (mapWithState)"}: the states that {@code mapWithState} and {@code stateSnapshots} read. */
  @Override
  public String operatorName() {
    return "state (mapWithState)";
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
  public Optional<RDD<MapWithStatePartition<K, S, R>>> compute(Time validTime) {
    RDD<MapWithStatePartition<K, S, R>> previous =
        getOrCompute(validTime.minus(slideDuration())).orElseGet(() -> initialPartitions(validTime));
    RDD<Tuple2<K, V>> data = parent.getOrCompute(validTime)
        .orElseGet(() -> context().sparkContext().emptyRDD());
    PairRDD<K, V> placed = PairRDD.fromRDD(data).partitionBy(partitioner);
    var f = spec.getFunction();
    Optional<Time> threshold = spec.getTimeoutInterval().map(validTime::minus);
    return Optional.of(new ZippedPartitionsRDD<MapWithStatePartition<K, S, R>, Tuple2<K, V>, MapWithStatePartition<K, S, R>>(
        previous, placed, (states, records) -> List.of(states.next().next(records, f, validTime, threshold)).iterator(),
        "mapWithState"));
  }

  private RDD<MapWithStatePartition<K, S, R>> initialPartitions(Time time) {
    var sc = context().sparkContext();
    Optional<RDD<Tuple2<K, S>>> initial = spec.getInitialStateRDD();
    if (initial.isPresent()) {
      return PairRDD.fromRDD(initial.get()).partitionBy(partitioner)
          .mapPartitions((Iterator<Tuple2<K, S>> it) -> List.of(MapWithStatePartition.<K, S, R>of(it, time)).iterator());
    }
    return sc.<Integer>parallelize(List.of(), partitioner.numPartitions())
        .mapPartitions((Iterator<Integer> it) -> List.of(MapWithStatePartition.<K, S, R>empty()).iterator());
  }

  /**
   * Saves the state as of {@code time} as blob {@code state}: each partition's keys with their
   * state and last update time ({@code Tuple2<K, Entry<S>>}); the batch's mapped output is not saved.
   */
  @Override
  public Map<String, List<List<?>>> checkpointData(Time time) {
    return getOrCompute(time).map(rdd -> Map.<String, List<List<?>>>of("state", partitionsOf(rdd.flatMap(
            (MapWithStatePartition<K, S, R> p) -> {
              List<Tuple2<K, MapWithStatePartition.Entry<S>>> entries = new ArrayList<>();
              p.states().forEach((k, e) -> entries.add(new Tuple2<>(k, e)));
              return entries.iterator();
            }))))
        .orElse(Map.of());
  }

  /** Makes the saved state this stream's state at {@code time}, placed by the spec's partitioner. */
  @Override
  public void restoreCheckpointData(Time time, Map<String, List<List<?>>> data) {
    List<List<?>> state = data.get("state");
    if (state == null) {
      return;
    }
    List<Tuple2<K, MapWithStatePartition.Entry<S>>> entries = elementsOf(state);
    restoreRDD(time, PairRDD.fromRDD(context().sparkContext().parallelize(entries)).partitionBy(partitioner)
        .mapPartitions((Iterator<Tuple2<K, MapWithStatePartition.Entry<S>>> it) -> {
          Map<K, MapWithStatePartition.Entry<S>> states = new HashMap<>();
          it.forEachRemaining(kv -> states.put(kv._1(), kv._2()));
          return List.of(new MapWithStatePartition<K, S, R>(states, List.of())).iterator();
        }, true));
  }
}
