package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.FlatMapFunction;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.List;
import java.util.Optional;

/** {@code flatMapValues}: each value of each batch turned into zero or more, with its key. Thread-safe. */
public final class FlatMapValuedDStream<K, V, U> extends DStream<Tuple2<K, U>> {
  private final DStream<Tuple2<K, V>> parent;
  private final FlatMapFunction<V, U> f;

  public FlatMapValuedDStream(DStream<Tuple2<K, V>> parent, FlatMapFunction<V, U> f) {
    super(parent.context());
    this.parent = parent;
    this.f = f;
  }

  @Override
  public String operatorName() {
    return "flatMapValues";
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
    return parent.getOrCompute(validTime).map(rdd -> PairRDD.fromRDD(rdd).flatMapValues(f));
  }
}
