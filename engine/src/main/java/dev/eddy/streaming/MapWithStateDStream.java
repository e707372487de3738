package dev.eddy.streaming;

import dev.eddy.api.FlatMapFunction;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.dstream.PairDStream;
import dev.eddy.streaming.dstream.internal.FlatMappedDStream;
import dev.eddy.streaming.dstream.internal.InternalMapWithStateDStream;
import dev.eddy.streaming.dstream.internal.MapWithStatePartition;
import java.util.List;
import java.util.Optional;

/**
 * The stream {@code PairDStream.mapWithState} returns, as Spark's {@code MapWithStateDStream}: per
 * batch, what the mapping function returned for the batch's records (and for keys timing out);
 * {@link #stateSnapshots()} gives every key's state after each batch.
 *
 * <pre>{@code
 * MapWithStateDStream<String, Integer, Integer, Tuple2<String, Integer>> running =
 *     pairs.mapWithState(StateSpec.function(...));
 * running.print();                   // what the function returned this batch
 * running.stateSnapshots().print();  // every key's state
 * }</pre>
 *
 * <p>The function is called only for keys that have records in the batch (once per record), and
 * once more for a key when it times out; other keys' states are carried over untouched.
 * Thread-safe.
 */
public final class MapWithStateDStream<K, V, S, R> extends DStream<R> {
  private final InternalMapWithStateDStream<K, V, S, R> internal;

  /** Builds the stream of {@code parent.mapWithState(spec)}; use {@code PairDStream.mapWithState}. */
  public MapWithStateDStream(DStream<Tuple2<K, V>> parent, StateSpec<K, V, S, R> spec) {
    super(parent.context());
    this.internal = new InternalMapWithStateDStream<>(parent, spec);
  }

  /** Returns a stream of every key's state after each batch. */
  public PairDStream<K, S> stateSnapshots() {
    FlatMapFunction<MapWithStatePartition<K, S, R>, Tuple2<K, S>> entries = p -> p.states().entrySet().stream()
        .map(e -> new Tuple2<>(e.getKey(), e.getValue().state()))
        .iterator();
    return PairDStream.fromDStream(new FlatMappedDStream<>(internal, entries, "stateSnapshots"));
  }

  @Override
  public String operatorName() {
    return "mapWithState";
  }

  @Override
  public Duration slideDuration() {
    return internal.slideDuration();
  }

  @Override
  public List<DStream<?>> dependencies() {
    return List.of(internal);
  }

  @Override
  public Optional<RDD<R>> compute(Time validTime) {
    return internal.getOrCompute(validTime).map(rdd -> rdd.flatMap(p -> p.mapped().iterator()));
  }

  /** Checkpoints the state (not the mapped records) every {@code interval}, as Spark's; returns this stream. */
  @Override
  public MapWithStateDStream<K, V, S, R> checkpoint(Duration interval) {
    internal.checkpoint(interval);
    return this;
  }
}
