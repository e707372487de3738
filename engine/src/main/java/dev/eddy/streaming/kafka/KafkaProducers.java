package dev.eddy.streaming.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Kafka producers shared per configuration, so that output operations running every batch reuse
 * one connection instead of opening a producer per task (a Kafka producer is thread-safe and
 * meant to be shared). Not in Spark, which leaves this to users.
 *
 * <pre>{@code
 * stream.foreachRDD(rdd -> rdd.foreachPartition(records -> {
 *   Producer<String, String> producer = KafkaProducers.get(producerParams);
 *   records.forEachRemaining(r -> producer.send(new ProducerRecord<>("out", r.key(), r.value())));
 *   producer.flush();
 * }));
 * }</pre>
 *
 * <p>Producers live until {@link #close(Map)}, {@link #closeAll()} or the JVM's exit. Thread-safe.
 */
public final class KafkaProducers {
  private static final Map<Map<String, Object>, KafkaProducer<?, ?>> PRODUCERS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(KafkaProducers::closeAll, "eddy-kafka-producers-close"));
  }

  private KafkaProducers() {}

  /**
   * Returns the shared producer for {@code producerParams} (Kafka producer settings:
   * {@code bootstrap.servers}, {@code key.serializer}, {@code value.serializer}...), creating it
   * the first time.
   */
  @SuppressWarnings("unchecked")
  public static <K, V> Producer<K, V> get(Map<String, Object> producerParams) {
    if (producerParams == null || !producerParams.containsKey("bootstrap.servers")) {
      throw new IllegalArgumentException("producerParams must set bootstrap.servers");
    }
    return (Producer<K, V>) PRODUCERS.computeIfAbsent(Map.copyOf(producerParams), KafkaProducer::new);
  }

  /** Closes the shared producer for {@code producerParams}, if any, after sending what it holds. */
  public static void close(Map<String, Object> producerParams) {
    KafkaProducer<?, ?> p = PRODUCERS.remove(Map.copyOf(producerParams));
    if (p != null) {
      p.close(Duration.ofSeconds(10));
    }
  }

  /** Closes every shared producer. */
  public static void closeAll() {
    List<Map<String, Object>> keys = new ArrayList<>(PRODUCERS.keySet());
    keys.forEach(KafkaProducers::close);
  }
}
