package dev.eddy.streaming.kafka;

import java.io.Serializable;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one Kafka topic partition that one batch reads, as Spark's {@code OffsetRange}:
 * offsets {@code fromOffset} (inclusive) to {@code untilOffset} (exclusive). Get a batch's ranges
 * from its RDD through {@link HasOffsetRanges}. Immutable.
 *
 * @param topic the topic
 * @param partition the partition of the topic
 * @param fromOffset the first offset read
 * @param untilOffset one past the last offset read
 */
public record OffsetRange(String topic, int partition, long fromOffset, long untilOffset) implements Serializable {
  public OffsetRange {
    if (topic == null || topic.isEmpty()) {
      throw new IllegalArgumentException("an offset range needs a topic");
    }
    if (partition < 0 || fromOffset < 0 || untilOffset < fromOffset) {
      throw new IllegalArgumentException("invalid offset range " + topic + "-" + partition + " ["
          + fromOffset + ", " + untilOffset + "): partition and offsets must be non-negative, until >= from");
    }
  }

  /** Returns the range of {@code topic}'s {@code partition} from {@code fromOffset} to {@code untilOffset}. */
  public static OffsetRange create(String topic, int partition, long fromOffset, long untilOffset) {
    return new OffsetRange(topic, partition, fromOffset, untilOffset);
  }

  /** Returns the range of {@code topicPartition} from {@code fromOffset} to {@code untilOffset}. */
  public static OffsetRange create(TopicPartition topicPartition, long fromOffset, long untilOffset) {
    return new OffsetRange(topicPartition.topic(), topicPartition.partition(), fromOffset, untilOffset);
  }

  /** Returns the Kafka topic partition. */
  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  /**
   * Returns the number of offsets in the range; the number of records, unless the topic is
   * compacted or transactional (whose offsets have gaps).
   */
  public long count() {
    return untilOffset - fromOffset;
  }

  /** Returns e.g. {@code "events 3: 100 -> 250"}, the form of a batch's input description. */
  @Override
  public String toString() {
    return topic + " " + partition + ": " + fromOffset + " -> " + untilOffset;
  }
}
