package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.Function;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.List;
import java.util.Optional;

/** {@code mapValues}: each batch's values mapped, keys and partitioning kept. Thread-safe. */
public final class MapValuedDStream<K, V, U> extends DStream<Tuple2<K, U>> {
  private final DStream<Tuple2<K, V>> parent;
  private final Function<V, U> f;

  public MapValuedDStream(DStream<Tuple2<K, V>> parent, Function<V, U> f) {
    super(parent.context());
    this.parent = parent;
    this.f = f;
  }

  @Override
  public String operatorName() {
    return "mapValues";
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
  public Optional<RDD<Tuple2<K, U>>> compute(Time validTime) {
    return parent.getOrCompute(validTime).map(rdd -> PairRDD.fromRDD(rdd).mapValues(f));
  }
}
