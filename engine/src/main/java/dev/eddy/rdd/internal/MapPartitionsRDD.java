package dev.eddy.rdd.internal;

import dev.eddy.TaskContext;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.Partitioner;
import dev.eddy.rdd.RDD;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Applies a function to each partition of its parent: the one operator behind {@code map},
 * {@code filter}, {@code flatMap}, {@code mapToPair} and {@code mapPartitions}. It reaches its
 * parent through its dependency, so that a checkpoint lets go of it. Immutable.
 */
public final class MapPartitionsRDD<T, U> extends RDD<U> {
  /** Turns a parent partition's iterator into this RDD's iterator for that partition. */
  @FunctionalInterface
  public interface PartitionTransform<T, U> extends java.io.Serializable {
    Iterator<U> apply(TaskContext context, int partition, Iterator<T> parent);
  }

  private final PartitionTransform<T, U> transform;
  private final boolean preservesPartitioning;

  /**
   * @param preservesPartitioning whether keys stay where they were, so the parent's partitioner
   *     still holds (true for {@code filter} and {@code mapValues}, false for {@code map})
   */
  public MapPartitionsRDD(
      RDD<T> parent, PartitionTransform<T, U> transform, boolean preservesPartitioning, String operation) {
    super(parent, operation);
    this.transform = transform;
    this.preservesPartitioning = preservesPartitioning;
  }

  @Override
  protected List<Partition> getPartitions() {
    return firstParent().partitions();
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return preservesPartitioning ? firstParent().partitioner() : Optional.empty();
  }

  @Override
  public Iterator<U> compute(Partition split, TaskContext context) {
    return transform.apply(context, split.index(), this.<T>firstParent().iterator(split, context));
  }
}
