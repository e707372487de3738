package dev.eddy.streaming.kafka;

/**
 * Implemented by the RDDs of a Kafka direct stream, as Spark's {@code HasOffsetRanges}: the
 * offset ranges the RDD reads, one per RDD partition, in partition order.
 *
 * <pre>{@code
 * stream.foreachRDD(rdd -> {
 *   OffsetRange[] ranges = ((HasOffsetRanges) rdd).offsetRanges();
 *   ...  // process rdd
 *   ((CanCommitOffsets) stream).commitAsync(ranges);
 * });
 * }</pre>
 *
 * Only the stream's own RDD has them: cast in {@code foreachRDD} (or {@code transform}) applied
 * to the stream itself, before any other operation, as in Spark.
 */
public interface HasOffsetRanges {
  /** Returns the ranges; a new array each call. */
  OffsetRange[] offsetRanges();
}
