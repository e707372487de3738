package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.Function2;
import dev.eddy.api.Function3;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code transform} and {@code transformWith}, as Spark's {@code TransformedDStream}: a user
 * function turns the RDDs of one or more parents (with the same slide) at a batch into the
 * batch's RDD. The function runs when the batch is generated. Thread-safe.
 */
public final class TransformedDStream<U> extends DStream<U> {
  /** Turns the parents' RDDs of a batch, in parent order, into the batch's RDD. */
  @FunctionalInterface
  public interface Transform<U> extends Serializable {
    RDD<U> apply(List<RDD<?>> rdds, Time time) throws Exception;
  }

  private final List<DStream<?>> parents;
  private final Transform<U> f;
  private final String operation;

  /** @throws IllegalArgumentException if there are no parents or their slides differ */
  public TransformedDStream(List<DStream<?>> parents, Transform<U> f) {
    this(parents, f, "transform");
  }

  /**
   * @param operation the name the diagram shows, such as {@code "join"} for an operator built on
   *     a transform
   * @throws IllegalArgumentException if there are no parents or their slides differ
   */
  public TransformedDStream(List<DStream<?>> parents, Transform<U> f, String operation) {
    super(first(parents).context());
    if (parents.stream().map(DStream::slideDuration).distinct().count() > 1) {
      throw new IllegalArgumentException("Some of the DStreams have different slide durations: "
          + parents.stream().map(p -> p + " slides every " + p.slideDuration()).toList());
    }
    if (parents.stream().anyMatch(p -> p.context() != context())) {
      throw new IllegalArgumentException("Some of the DStreams have different contexts: " + parents);
    }
    this.parents = List.copyOf(parents);
    this.f = f;
    this.operation = operation;
  }

  private static DStream<?> first(List<DStream<?>> parents) {
    if (parents.isEmpty()) {
      throw new IllegalArgumentException("transform needs at least one stream");
    }
    return parents.get(0);
  }

  /** Returns a transform of one stream's RDD and the batch time. */
  public static <T, U> TransformedDStream<U> of(DStream<T> parent, Function2<RDD<T>, Time, RDD<U>> f) {
    return named("transform", parent, f);
  }

  /** Returns a transform of two streams' RDDs and the batch time. */
  public static <T, V, U> TransformedDStream<U> of(
      DStream<T> first, DStream<V> second, Function3<RDD<T>, RDD<V>, Time, RDD<U>> f) {
    return named("transformWith", first, second, f);
  }

  /** Returns a transform of one stream's RDD that the diagram names {@code operation}. */
  @SuppressWarnings("unchecked")
  public static <T, U> TransformedDStream<U> named(
      String operation, DStream<T> parent, Function2<RDD<T>, Time, RDD<U>> f) {
    return new TransformedDStream<>(List.of(parent), (rdds, time) -> f.call((RDD<T>) rdds.get(0), time), operation);
  }

  /** Returns a transform of two streams' RDDs that the diagram names {@code operation}. */
  @SuppressWarnings("unchecked")
  public static <T, V, U> TransformedDStream<U> named(
      String operation, DStream<T> first, DStream<V> second, Function3<RDD<T>, RDD<V>, Time, RDD<U>> f) {
    return new TransformedDStream<>(List.of(first, second),
        (rdds, time) -> f.call((RDD<T>) rdds.get(0), (RDD<V>) rdds.get(1), time), operation);
  }

  @Override
  public String operatorName() {
    return operation;
  }

  @Override
  public Duration slideDuration() {
    return parents.get(0).slideDuration();
  }

  @Override
  public List<DStream<?>> dependencies() {
    return parents;
  }

  @Override
  public Optional<RDD<U>> compute(Time validTime) {
    List<RDD<?>> rdds = new ArrayList<>();
    for (DStream<?> parent : parents) {
      rdds.add(parent.getOrCompute(validTime).orElseThrow(() -> new IllegalStateException(
          "Couldn't generate RDD from parent " + parent + " at time " + validTime)));
    }
    RDD<U> result;
    try {
      result = f.apply(rdds, validTime);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the transform function of " + this + " failed at " + validTime + ": " + e, e);
    }
    if (result == null) {
      throw new IllegalStateException("Transform function must not return null. "
          + "Return sc.emptyRDD() instead to represent no element as the result of transformation (" + this + ")");
    }
    return Optional.of(result);
  }
}
