package dev.eddy.rdd;

import java.util.List;

/**
 * A dependency in which each child partition reads a known, small set of parent partitions, so the
 * child can be computed in the parent's stage, element by element. Immutable.
 */
public abstract class NarrowDependency<T> extends Dependency<T> {
  private final RDD<T> rdd;

  protected NarrowDependency(RDD<T> rdd) {
    this.rdd = rdd;
  }

  @Override
  public RDD<T> rdd() {
    return rdd;
  }

  /** Returns the parent partitions that child partition {@code partitionId} reads. */
  public abstract List<Integer> getParents(int partitionId);
}
