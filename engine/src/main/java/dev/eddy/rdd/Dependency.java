package dev.eddy.rdd;

/**
 * How an RDD depends on one parent. {@link NarrowDependency narrow} dependencies let a task compute
 * a child partition from a few parent partitions in the same stage; a {@link ShuffleDependency}
 * needs every parent partition and so starts a new stage. Immutable.
 */
public abstract class Dependency<T> {
  /** Returns the parent RDD. */
  public abstract RDD<T> rdd();
}
