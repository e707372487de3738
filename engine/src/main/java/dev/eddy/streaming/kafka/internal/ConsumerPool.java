package dev.eddy.streaming.kafka.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Idle task consumers by settings and topic partition, as Spark's cached Kafka consumers: a task
 * takes the partition's idle consumer (or a new one) and gives it back when it has read its range.
 * A consumer is never shared: one task has it at a time. Thread-safe.
 */
public final class ConsumerPool {
  /** The pool of this JVM. */
  public static final ConsumerPool SHARED = new ConsumerPool();

  /** Idle consumers kept per key beyond which returned ones are closed. */
  private static final int MAX_IDLE_PER_KEY = 2;

  private record Key(Map<String, Object> params, TopicPartition tp) {}

  private final Map<Key, Deque<TaskConsumer<?, ?>>> idle = new HashMap<>();

  /** Returns an idle consumer of {@code tp} with {@code taskParams}, or a new one. */
  @SuppressWarnings("unchecked")
  <K, V> TaskConsumer<K, V> take(Map<String, Object> taskParams, TopicPartition tp) {
    synchronized (this) {
      Deque<TaskConsumer<?, ?>> free = idle.get(new Key(taskParams, tp));
      if (free != null && !free.isEmpty()) {
        return (TaskConsumer<K, V>) free.pop();
      }
    }
    return new TaskConsumer<>(taskParams, tp);
  }

  /** Takes back a consumer that read its range to the end. */
  void giveBack(Map<String, Object> taskParams, TaskConsumer<?, ?> consumer) {
    synchronized (this) {
      Deque<TaskConsumer<?, ?>> free = idle.computeIfAbsent(new Key(taskParams, consumer.topicPartition()),
          k -> new ArrayDeque<>());
      if (free.size() < MAX_IDLE_PER_KEY) {
        free.push(consumer);
        return;
      }
    }
    consumer.close();
  }

  /** Closes the idle consumers made with {@code taskParams}; a stream does so when its context stops. */
  public void closeIdle(Map<String, Object> taskParams) {
    List<TaskConsumer<?, ?>> closing = new ArrayList<>();
    synchronized (this) {
      idle.entrySet().removeIf(e -> {
        if (e.getKey().params().equals(taskParams)) {
          closing.addAll(e.getValue());
          return true;
        }
        return false;
      });
    }
    closing.forEach(TaskConsumer::close);
  }

  /** Returns how many idle consumers the pool holds. */
  public synchronized int idleCount() {
    return idle.values().stream().mapToInt(Deque::size).sum();
  }
}
