package dev.eddy.rdd;

import java.util.List;

/** A narrow dependency in which child partition i reads parent partition i ({@code map}, {@code filter}). */
public final class OneToOneDependency<T> extends NarrowDependency<T> {
  public OneToOneDependency(RDD<T> rdd) {
    super(rdd);
  }

  @Override
  public List<Integer> getParents(int partitionId) {
    return List.of(partitionId);
  }
}
