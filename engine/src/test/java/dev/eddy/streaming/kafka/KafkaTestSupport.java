package dev.eddy.streaming.kafka;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Helpers for tests against a real local broker: producing records and consumer settings. */
final class KafkaTestSupport {
  private KafkaTestSupport() {}

  private static KafkaBroker shared;

  /**
   * Returns the broker the stream and sink tests share, started on first use and stopped when the
   * test JVM exits (its shutdown hook); tests use topics of their own.
   */
  static synchronized KafkaBroker sharedBroker() {
    assumeBrokerAvailable();
    if (shared == null) {
      shared = KafkaBroker.start();
    }
    return shared;
  }

  /** Skips the test class when the broker's class path was not built (a focused engine-only build). */
  static void assumeBrokerAvailable() {
    assumeTrue(KafkaBroker.isAvailable(),
        "the Kafka broker's class path is not built: run ./mvnw -pl kafka-broker package first");
  }

  /** Sends {@code n} records "p{partition}-{i}" to one partition and waits until Kafka has them all; returns the values. */
  static List<String> produce(KafkaBroker broker, String topic, int partition, int from, int n) {
    List<String> values = new ArrayList<>();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerParams(broker))) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (int i = from; i < from + n; i++) {
        String value = "p" + partition + "-" + i;
        values.add(value);
        sent.add(producer.send(new ProducerRecord<>(topic, partition, "k" + i, value)));
      }
      for (var f : sent) {
        f.get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("producing to " + topic + " failed", e);
    }
    return values;
  }

  static Map<String, Object> producerParams(KafkaBroker broker) {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", broker.bootstrapServers());
    p.put("key.serializer", StringSerializer.class);
    p.put("value.serializer", StringSerializer.class);
    p.put("acks", "all");
    return p;
  }

  /** Consumer settings for strings, reading from the earliest offset unless the group committed. */
  static Map<String, Object> consumerParams(KafkaBroker broker, String group) {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", broker.bootstrapServers());
    p.put("key.deserializer", StringDeserializer.class);
    p.put("value.deserializer", StringDeserializer.class);
    p.put("auto.offset.reset", "earliest");
    if (group != null) {
      p.put("group.id", group);
    }
    return p;
  }
}
