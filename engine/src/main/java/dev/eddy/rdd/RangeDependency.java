package dev.eddy.rdd;

import java.util.List;

/**
 * A narrow dependency in which the child partitions {@code [outStart, outStart + length)} are the
 * parent partitions {@code [inStart, inStart + length)}; used by {@code union}.
 */
public final class RangeDependency<T> extends NarrowDependency<T> {
  private final int inStart;
  private final int outStart;
  private final int length;

  public RangeDependency(RDD<T> rdd, int inStart, int outStart, int length) {
    super(rdd);
    this.inStart = inStart;
    this.outStart = outStart;
    this.length = length;
  }

  @Override
  public List<Integer> getParents(int partitionId) {
    if (partitionId >= outStart && partitionId < outStart + length) {
      return List.of(partitionId - outStart + inStart);
    }
    return List.of();
  }
}
