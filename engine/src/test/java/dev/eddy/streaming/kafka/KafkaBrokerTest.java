package dev.eddy.streaming.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {
  @BeforeAll
  static void brokerBuilt() {
    KafkaTestSupport.assumeBrokerAvailable();
  }

  @Test
  void restartsOnItsDataDirWithTheSamePortAndRecords(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("broker");
    int port;
    try (KafkaBroker broker = KafkaBroker.start(data)) {
      port = broker.port();
      assertEquals("127.0.0.1:" + port, broker.bootstrapServers());
      broker.createTopic("kept", 2);
      broker.createTopic("kept", 2); // exists: no error
      KafkaTestSupport.produce(broker, "kept", 1, 0, 3);
      assertTrue(broker.isRunning());
      assertTrue(Files.size(broker.logFile()) > 0, "the broker logs to its data dir");
    }
    try (KafkaBroker again = KafkaBroker.start(data)) {
      assertEquals(port, again.port());
      assertEquals(List.of("p1-0", "p1-1", "p1-2"), readAll(again, new TopicPartition("kept", 1), 3));
      again.stop();
      assertFalse(again.isRunning());
      again.stop(); // idempotent
    }
    assertTrue(Files.exists(data.resolve("server.properties")), "a given data dir is kept");
  }

  @Test
  void aTemporaryBrokerDeletesItsDataDirOnStop() {
    KafkaBroker broker = KafkaBroker.start();
    Path data = broker.dataDir();
    assertTrue(Files.isDirectory(data));
    assertThrows(IllegalArgumentException.class, () -> broker.createTopic("t", 0));
    broker.stop();
    assertFalse(broker.isRunning());
    assertFalse(Files.exists(data));
  }

  @Test
  void aMissingClassPathSaysHowToGetIt() {
    String saved = System.getProperty(KafkaBroker.CLASSPATH_PROPERTY);
    try {
      System.clearProperty(KafkaBroker.CLASSPATH_PROPERTY);
      assertFalse(KafkaBroker.isAvailable());
      IllegalStateException e = assertThrows(IllegalStateException.class, KafkaBroker::start);
      assertTrue(e.getMessage().contains("-Deddy.kafka.broker.classpath="), e.getMessage());
      assertTrue(e.getMessage().contains("kafka-broker"), e.getMessage());
      System.setProperty(KafkaBroker.CLASSPATH_PROPERTY, "/no/such/dir/*");
      e = assertThrows(IllegalStateException.class, KafkaBroker::start);
      assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    } finally {
      System.setProperty(KafkaBroker.CLASSPATH_PROPERTY, saved);
    }
  }

  static List<String> readAll(KafkaBroker broker, TopicPartition tp, int n) {
    List<String> values = new ArrayList<>();
    Map<String, Object> params = KafkaTestSupport.consumerParams(broker, null);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(params)) {
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long deadline = System.currentTimeMillis() + 30_000;
      while (values.size() < n && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }
}
