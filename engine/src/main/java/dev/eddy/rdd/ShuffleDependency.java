package dev.eddy.rdd;

import dev.eddy.api.Tuple2;
import java.util.Objects;
import java.util.Optional;

/**
 * A dependency that regroups the parent's pairs by key: every parent partition writes its pairs
 * into buckets chosen by the {@link Partitioner}, and child partition i reads bucket i of every
 * parent partition. The scheduler cuts stages here. With an {@link Aggregator} and map-side
 * combine, each parent partition merges the values of a key before writing, so a skewed key sends
 * one value per parent partition, not one per record. Immutable.
 *
 * @param <K> the key type
 * @param <V> the parent's value type
 * @param <C> the combined value type the child reads
 */
public final class ShuffleDependency<K, V, C> extends Dependency<Tuple2<K, V>> {
  private final RDD<Tuple2<K, V>> rdd;
  private final Partitioner partitioner;
  private final Aggregator<K, V, C> aggregator;
  private final boolean mapSideCombine;
  private final int shuffleId;

  /**
   * @param aggregator how to combine values per key, or null to move pairs as they are
   * @param mapSideCombine whether map tasks combine before writing; needs an aggregator
   */
  public ShuffleDependency(
      RDD<Tuple2<K, V>> rdd, Partitioner partitioner, Aggregator<K, V, C> aggregator, boolean mapSideCombine) {
    if (mapSideCombine && aggregator == null) {
      throw new IllegalArgumentException("map-side combine needs an aggregator");
    }
    this.rdd = rdd;
    this.partitioner = Objects.requireNonNull(partitioner, "partitioner");
    this.aggregator = aggregator;
    this.mapSideCombine = mapSideCombine;
    this.shuffleId = rdd.context().newShuffleId();
  }

  @Override
  public RDD<Tuple2<K, V>> rdd() {
    return rdd;
  }

  public Partitioner partitioner() {
    return partitioner;
  }

  public Optional<Aggregator<K, V, C>> aggregator() {
    return Optional.ofNullable(aggregator);
  }

  public boolean mapSideCombine() {
    return mapSideCombine;
  }

  /** Returns the shuffle's id, unique within its context. */
  public int shuffleId() {
    return shuffleId;
  }
}
