package dev.eddy.rdd;

/**
 * One slice of an {@link RDD}'s data, computed by one task. Implementations are immutable and
 * carry whatever their RDD needs to compute the slice (a sublist, a parent partition...).
 */
public interface Partition {
  /** Returns the partition's index within its RDD, from 0. */
  int index();
}
