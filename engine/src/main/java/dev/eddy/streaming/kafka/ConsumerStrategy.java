package dev.eddy.streaming.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Which Kafka partitions a direct stream reads and where it starts, as Spark's
 * {@code ConsumerStrategy}; get one from {@link ConsumerStrategies}.
 *
 * <p>Unlike Spark, the stream never joins its consumer group: it lists the partitions itself
 * ({@link #partitions}) at every batch and reads them by offset, and uses the group only to read
 * and commit offsets. So a restarted stream starts at once, without waiting for an earlier
 * member's session to time out, and two streams of one group each read every partition.
 * Immutable.
 *
 * @param <K> the record key type
 * @param <V> the record value type
 */
public interface ConsumerStrategy<K, V> {
  /** Returns the consumer configuration the stream was given (an unmodifiable copy). */
  Map<String, Object> kafkaParams();

  /**
   * Returns explicit starting offsets for some partitions; the others start at the group's
   * committed offset, else as {@code auto.offset.reset} says.
   */
  Map<TopicPartition, Long> startingOffsets();

  /**
   * Returns the partitions to read now, sorted by topic and partition, using {@code consumer}
   * for metadata.
   *
   * @throws IllegalArgumentException if a named topic or partition does not exist
   * @throws org.apache.kafka.common.errors.TimeoutException if Kafka does not answer in {@code timeout}
   */
  List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout);
}
