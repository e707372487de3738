package dev.eddy.rdd;

import java.io.Serializable;

/**
 * Decides which partition a key goes to in a shuffle, as Spark's {@code Partitioner}. Two RDDs
 * with equal partitioners hold equal keys in equal partition indexes. Implementations are
 * immutable and define {@code equals}.
 */
public abstract class Partitioner implements Serializable {
  /** Returns the number of partitions keys are spread over. */
  public abstract int numPartitions();

  /** Returns the partition of {@code key}, in {@code [0, numPartitions())}; {@code key} may be null. */
  public abstract int getPartition(Object key);
}
