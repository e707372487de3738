package dev.eddy.streaming.kafka;

import org.apache.kafka.clients.consumer.OffsetCommitCallback;

/**
 * Implemented by Kafka direct streams, as Spark's {@code CanCommitOffsets}: commits offsets to
 * Kafka for the stream's consumer group ({@code group.id}) once output has stored the records
 * they cover, giving at-least-once delivery without checkpoints.
 *
 * <p>As in Spark, the commit is queued and made by the stream's driver consumer when it generates
 * the next batch (and at the latest when the context stops); committing is asynchronous, and an
 * offset range's {@code untilOffset} is what gets committed. Thread-safe: call it from any thread,
 * typically in {@code foreachRDD}.
 */
public interface CanCommitOffsets {
  /** Queues {@code offsetRanges} to be committed. */
  void commitAsync(OffsetRange[] offsetRanges);

  /**
   * Queues {@code offsetRanges} to be committed; {@code callback} learns the result, on the thread
   * using the stream's consumer (one generating a later batch, or the one stopping the context).
   */
  void commitAsync(OffsetRange[] offsetRanges, OffsetCommitCallback callback);
}
