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
 * {@code union}: each batch is the union of its parents' RDDs of the batch, in parent order, as
 * Spark's {@code UnionDStream}. Parents must share their context and slide. Thread-safe.
 */
public final class UnionDStream<T> extends DStream<T> {
  private final List<DStream<T>> parents;

  /** @throws IllegalArgumentException if there are no parents, or their contexts or slides differ */
  public UnionDStream(List<DStream<T>> parents) {
    super(first(parents).context());
    if (parents.stream().anyMatch(p -> p.context() != context())) {
      throw new IllegalArgumentException("Some of the DStreams have different contexts: " + parents);
    }
    if (parents.stream().map(DStream::slideDuration).distinct().count() > 1) {
      throw new IllegalArgumentException("Some of the DStreams have different slide durations: "
          + parents.stream().map(p -> p + " slides every " + p.slideDuration()).toList());
    }
    this.parents = List.copyOf(parents);
  }

  private static <T> DStream<T> first(List<DStream<T>> parents) {
    if (parents.isEmpty()) {
      throw new IllegalArgumentException("Empty array of parents");
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
    for (DStream<T> parent : parents) {
      rdds.add(parent.getOrCompute(validTime).orElseThrow(() -> new IllegalStateException(
          "Could not generate RDD from a parent " + parent + " for unifying at time " + validTime)));
    }
    return Optional.of(rdds.size() == 1 ? rdds.get(0) : new UnionRDD<>(context().sparkContext(), rdds));
  }
}
