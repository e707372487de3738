package dev.eddy.streaming.kafka.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer reading one topic partition by offset for tasks, with the records it fetched but has
 * not handed out yet; kept in a {@link ConsumerPool} between batches, so that the next batch of
 * the partition continues where the last one stopped without a new connection or seek. Used by
 * one thread at a time.
 */
final class TaskConsumer<K, V> implements AutoCloseable {
  private final KafkaConsumer<K, V> consumer;
  private final TopicPartition tp;
  private final ArrayDeque<ConsumerRecord<K, V>> buffer = new ArrayDeque<>();
  private long nextOffset = -1;

  TaskConsumer(Map<String, Object> taskParams, TopicPartition tp) {
    this.consumer = new KafkaConsumer<>(taskParams);
    this.tp = tp;
    consumer.assign(List.of(tp));
  }

  TopicPartition topicPartition() {
    return tp;
  }

  /** Positions the consumer at {@code offset}, keeping fetched records if it is already there. */
  void moveTo(long offset) {
    if (offset != nextOffset) {
      buffer.clear();
      consumer.seek(tp, offset);
      nextOffset = offset;
    }
  }

  /**
   * Returns the next record (the first at or after the position), fetching for at most
   * {@code timeout} when none is buffered; null if none arrived.
   */
  ConsumerRecord<K, V> next(Duration timeout) {
    if (buffer.isEmpty()) {
      consumer.poll(timeout).records(tp).forEach(buffer::add);
    }
    ConsumerRecord<K, V> r = buffer.pollFirst();
    if (r != null) {
      nextOffset = r.offset() + 1;
    }
    return r;
  }

  /** Puts back a record {@link #next} returned that the caller did not use. */
  void unread(ConsumerRecord<K, V> r) {
    buffer.addFirst(r);
    nextOffset = r.offset();
  }

  /** Returns the offset after the last record handed out, or the offset moved to; -1 before either. */
  long nextOffset() {
    return nextOffset;
  }

  /** Returns the consumer's fetch position: past any gap (transaction markers) it has skipped. */
  long fetchPosition() {
    return buffer.isEmpty() ? consumer.position(tp, Duration.ofSeconds(10)) : nextOffset;
  }

  /** Returns the partition's end offset, or -1 if Kafka did not answer within {@code timeout}. */
  long endOffset(Duration timeout) {
    try {
      Long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
      return end == null ? -1 : end;
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      return -1;
    }
  }

  /** Closes the consumer; best effort, as it is done after a failure or for a consumer no one reads. */
  @Override
  public void close() {
    try {
      consumer.close(Duration.ofSeconds(2));
    } catch (KafkaException e) {
      // an interrupted task (a non-graceful stop) or a broker gone: nothing is left to release
    }
  }
}
