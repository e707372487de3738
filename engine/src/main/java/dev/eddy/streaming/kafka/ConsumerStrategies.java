package dev.eddy.streaming.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer strategies of Spark's {@code ConsumerStrategies}: subscribe to named topics, to the
 * topics matching a pattern, or assign fixed partitions.
 *
 * <pre>{@code
 * Map<String, Object> kafkaParams = new HashMap<>();
 * kafkaParams.put("bootstrap.servers", broker.bootstrapServers());
 * kafkaParams.put("key.deserializer", StringDeserializer.class);
 * kafkaParams.put("value.deserializer", StringDeserializer.class);
 * kafkaParams.put("group.id", "word-count");
 * kafkaParams.put("auto.offset.reset", "earliest");
 * ConsumerStrategies.<String, String>Subscribe(List.of("lines"), kafkaParams);
 * }</pre>
 *
 * <p>kafkaParams are Kafka consumer settings. Needed: {@code bootstrap.servers},
 * {@code key.deserializer} and {@code value.deserializer} (kafka-clients has
 * {@code StringDeserializer}, {@code ByteArrayDeserializer}, {@code LongDeserializer},
 * {@code IntegerDeserializer}...). Usual: {@code group.id} (needed to commit, and to start at the
 * group's committed offsets), {@code auto.offset.reset} ({@code latest}, the default;
 * {@code earliest}; or {@code none}, which fails when the group has no committed offset), and
 * {@code default.api.timeout.ms} (how long the stream waits for Kafka's metadata before a batch or
 * {@code start()} fails; Kafka's default 60 s). As in Spark, the stream commits only when told to
 * ({@link CanCommitOffsets}); {@code enable.auto.commit} is forced off.
 */
public final class ConsumerStrategies {
  private ConsumerStrategies() {}

  /** Returns a strategy reading every partition of {@code topics}, which must exist. */
  public static <K, V> ConsumerStrategy<K, V> Subscribe(Collection<String> topics, Map<String, Object> kafkaParams) {
    return Subscribe(topics, kafkaParams, Map.of());
  }

  /** Returns a strategy reading every partition of {@code topics}, starting at {@code offsets} where given. */
  public static <K, V> ConsumerStrategy<K, V> Subscribe(
      Collection<String> topics, Map<String, Object> kafkaParams, Map<TopicPartition, Long> offsets) {
    if (topics == null || topics.isEmpty()) {
      throw new IllegalArgumentException("Subscribe needs at least one topic");
    }
    return new Subscribe<>(List.copyOf(topics), copy(kafkaParams), Map.copyOf(offsets));
  }

  /**
   * Returns a strategy reading every partition of every topic whose whole name matches
   * {@code pattern}; topics created later are picked up at a later batch.
   */
  public static <K, V> ConsumerStrategy<K, V> SubscribePattern(Pattern pattern, Map<String, Object> kafkaParams) {
    return SubscribePattern(pattern, kafkaParams, Map.of());
  }

  /** As {@link #SubscribePattern(Pattern, Map)}, starting at {@code offsets} where given. */
  public static <K, V> ConsumerStrategy<K, V> SubscribePattern(
      Pattern pattern, Map<String, Object> kafkaParams, Map<TopicPartition, Long> offsets) {
    return new SubscribePattern<>(pattern, copy(kafkaParams), Map.copyOf(offsets));
  }

  /** Returns a strategy reading exactly {@code topicPartitions}, which must exist. */
  public static <K, V> ConsumerStrategy<K, V> Assign(
      Collection<TopicPartition> topicPartitions, Map<String, Object> kafkaParams) {
    return Assign(topicPartitions, kafkaParams, Map.of());
  }

  /** Returns a strategy reading exactly {@code topicPartitions}, starting at {@code offsets} where given. */
  public static <K, V> ConsumerStrategy<K, V> Assign(
      Collection<TopicPartition> topicPartitions, Map<String, Object> kafkaParams, Map<TopicPartition, Long> offsets) {
    if (topicPartitions == null || topicPartitions.isEmpty()) {
      throw new IllegalArgumentException("Assign needs at least one topic partition");
    }
    List<TopicPartition> sorted = new ArrayList<>(topicPartitions);
    sorted.sort(ORDER);
    return new Assign<>(List.copyOf(sorted), copy(kafkaParams), Map.copyOf(offsets));
  }

  static final Comparator<TopicPartition> ORDER =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  private static Map<String, Object> copy(Map<String, Object> kafkaParams) {
    if (kafkaParams == null || !kafkaParams.containsKey("bootstrap.servers")) {
      throw new IllegalArgumentException("kafkaParams must set bootstrap.servers (e.g. broker.bootstrapServers())");
    }
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kafkaParams));
  }

  private static List<TopicPartition> partitionsOf(String topic, List<PartitionInfo> infos, Map<String, Object> params) {
    if (infos == null || infos.isEmpty()) {
      throw new IllegalArgumentException("Kafka topic '" + topic + "' does not exist at bootstrap.servers="
          + params.get("bootstrap.servers") + "; create it first, or use SubscribePattern for topics that appear later");
    }
    List<TopicPartition> tps = new ArrayList<>();
    infos.forEach(i -> tps.add(new TopicPartition(i.topic(), i.partition())));
    return tps;
  }

  private record Subscribe<K, V>(List<String> topics, Map<String, Object> kafkaParams, Map<TopicPartition, Long> startingOffsets)
      implements ConsumerStrategy<K, V> {
    @Override
    public List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout) {
      List<TopicPartition> all = new ArrayList<>();
      for (String topic : topics) {
        List<TopicPartition> tps = partitionsOf(topic, consumer.partitionsFor(topic, timeout), kafkaParams);
        all.addAll(tps);
      }
      all.sort(ORDER);
      return all;
    }

    @Override
    public String toString() {
      return "Subscribe(" + topics + ")";
    }
  }

  private record SubscribePattern<K, V>(Pattern pattern, Map<String, Object> kafkaParams, Map<TopicPartition, Long> startingOffsets)
      implements ConsumerStrategy<K, V> {
    @Override
    public List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout) {
      List<TopicPartition> all = new ArrayList<>();
      Map<String, List<PartitionInfo>> topics = new HashMap<>(consumer.listTopics(timeout));
      topics.forEach((topic, infos) -> {
        if (pattern.matcher(topic).matches()) {
          infos.forEach(i -> all.add(new TopicPartition(i.topic(), i.partition())));
        }
      });
      all.sort(ORDER);
      return all;
    }

    @Override
    public String toString() {
      return "SubscribePattern(" + pattern + ")";
    }
  }

  private record Assign<K, V>(List<TopicPartition> assigned, Map<String, Object> kafkaParams, Map<TopicPartition, Long> startingOffsets)
      implements ConsumerStrategy<K, V> {
    @Override
    public List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout) {
      Map<String, List<TopicPartition>> existing = new HashMap<>();
      for (TopicPartition tp : assigned) {
        List<TopicPartition> ofTopic = existing.computeIfAbsent(
            tp.topic(), t -> partitionsOf(t, consumer.partitionsFor(t, timeout), kafkaParams));
        if (!ofTopic.contains(tp)) {
          throw new IllegalArgumentException("Kafka topic '" + tp.topic() + "' has no partition " + tp.partition()
              + " (it has " + ofTopic.size() + ")");
        }
      }
      return assigned;
    }

    @Override
    public String toString() {
      return "Assign(" + assigned + ")";
    }
  }
}
