package dev.eddy.streaming.dstream.internal;

import dev.eddy.rdd.RDD;
import dev.eddy.rdd.internal.UnionRDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The union of several streams of one context with the same slide duration, as Spark's
 * {@code UnionDStream}: each batch is the union of the parents' RDDs of that batch. Thread-safe.
 */
public final class UnionDStream<T> extends DStream<T> {
  private final List<DStream<T>> parents;

  public UnionDStream(List<DStream<T>> parents) {
    super(firstOf(parents).context());
    for (DStream<T> p : parents) {
      if (p.context() != context()) {
        throw new IllegalArgumentException("union of streams of different StreamingContexts: " + p);
      }
      if (!p.slideDuration().equals(parents.get(0).slideDuration())) {
        throw new IllegalArgumentException("union of streams with different slide durations: "
            + parents.get(0) + " slides every " + parents.get(0).slideDuration() + ", " + p + " every "
            + p.slideDuration());
      }
    }
    this.parents = List.copyOf(parents);
  }

  private static <T> DStream<T> firstOf(List<DStream<T>> parents) {
    if (parents == null || parents.isEmpty()) {
      throw new IllegalArgumentException("union needs at least one stream");
    }
    return parents.get(0);
  }

  @Override
  public Duration slideDuration() {
    return parents.get(0).slideDuration();
  }

  @Override
  public List<DStream<?>> dependencies() {
    return List.copyOf(parents);
  }

  @Override
  public Optional<RDD<T>> compute(Time validTime) {
    List<RDD<T>> rdds = new ArrayList<>();
    for (DStream<T> p : parents) {
      p.getOrCompute(validTime).ifPresent(rdds::add);
    }
    return rdds.isEmpty() ? Optional.empty() : Optional.of(new UnionRDD<>(context().sparkContext(), rdds));
  }
}
