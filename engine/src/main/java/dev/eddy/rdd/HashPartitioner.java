package dev.eddy.rdd;

/**
 * Spreads keys by {@code hashCode()}: the non-negative remainder of the hash by the number of
 * partitions, and null keys to partition 0, exactly as Spark's {@code HashPartitioner}. Immutable.
 */
public final class HashPartitioner extends Partitioner {
  private final int partitions;

  public HashPartitioner(int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("Number of partitions (" + partitions + ") must be positive");
    }
    this.partitions = partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return key == null ? 0 : Math.floorMod(key.hashCode(), partitions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HashPartitioner h && h.partitions == partitions;
  }

  @Override
  public int hashCode() {
    return partitions;
  }

  @Override
  public String toString() {
    return "HashPartitioner(" + partitions + ")";
  }
}
