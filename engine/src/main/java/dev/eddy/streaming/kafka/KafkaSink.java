package dev.eddy.streaming.kafka;

import dev.eddy.api.Function;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.dstream.DStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes RDDs and streams to a Kafka topic through the {@link KafkaProducers} shared producer.
 * Not in Spark, which leaves this to users; this is the usual foreachPartition pattern, with
 * errors reported.
 *
 * <pre>{@code
 * Map<String, Object> producerParams = Map.of(
 *     "bootstrap.servers", broker.bootstrapServers(),
 *     "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class);
 * KafkaSink.write(counts, producerParams, "word-counts", t -> t._1(), t -> t._2().toString());
 * }</pre>
 *
 * <p>Each task sends its partition's records, then flushes and waits for Kafka's acknowledgement,
 * so a batch completes only once its records are in Kafka (at least once: a retried batch sends
 * again). A record Kafka refuses fails the task, naming the topic and the cause. Thread-safe.
 */
public final class KafkaSink {
  private KafkaSink() {}

  /**
   * Sends every element of {@code rdd} to {@code topic} as a record of {@code key} and
   * {@code value} of the element ({@code key} may return null: Kafka then spreads records over
   * partitions); returns once Kafka acknowledged them all.
   */
  public static <T, K, V> void write(
      RDD<T> rdd, Map<String, Object> producerParams, String topic, Function<T, K> key, Function<T, V> value) {
    Map<String, Object> params = Map.copyOf(producerParams);
    rdd.foreachPartition(elements -> {
      Producer<K, V> producer = KafkaProducers.get(params);
      AtomicReference<Exception> failure = new AtomicReference<>();
      while (elements.hasNext() && failure.get() == null) {
        T element = elements.next();
        producer.send(new ProducerRecord<>(topic, key.call(element), value.call(element)), (metadata, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
        });
      }
      producer.flush();
      if (failure.get() != null) {
        throw new IllegalStateException("writing to Kafka topic '" + topic + "' failed: " + failure.get(), failure.get());
      }
    });
  }

  /** Writes each batch of {@code stream} to {@code topic}, as {@link #write(RDD, Map, String, Function, Function)}. */
  public static <T, K, V> void write(
      DStream<T> stream, Map<String, Object> producerParams, String topic, Function<T, K> key, Function<T, V> value) {
    Map<String, Object> params = Map.copyOf(producerParams);
    stream.foreachRDD(rdd -> write(rdd, params, topic, key, value));
  }
}
