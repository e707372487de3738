package dev.eddy.streaming.kafka;

import static dev.eddy.streaming.kafka.KafkaTestSupport.consumerParams;
import static dev.eddy.streaming.kafka.KafkaTestSupport.produce;
import static dev.eddy.streaming.kafka.KafkaTestSupport.producerParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.util.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaSinkTest {
  private static KafkaBroker broker;
  private final EddyContext sc = new EddyContext("local[2]", "kafka-sink-test");

  @BeforeAll
  static void startBroker() {
    broker = KafkaTestSupport.sharedBroker();
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void aStreamWrittenToATopicCanBeReadBack() {
    broker.createTopic("sink-in", 2);
    broker.createTopic("sink-out", 1);
    produce(broker, "sink-in", 0, 0, 3);
    produce(broker, "sink-in", 1, 0, 2);
    ManualClock clock = new ManualClock();
    StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);
    var in = KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("sink-in"), consumerParams(broker, null)));
    KafkaSink.write(in.map(ConsumerRecord::value), producerParams(broker), "sink-out", v -> v, String::toUpperCase);
    ssc.start();
    clock.advance(1000);
    ssc.awaitBatches(1);
    ssc.stop();

    var out = KafkaUtils.<String, String>createRDD(sc, consumerParams(broker, null),
        new OffsetRange[] {OffsetRange.create("sink-out", 0, 0, 5)}, LocationStrategies.PreferConsistent());
    List<String> written = out.map(r -> r.key() + "=" + r.value()).collect().stream().sorted().toList();
    assertEquals(List.of("p0-0=P0-0", "p0-1=P0-1", "p0-2=P0-2", "p1-0=P1-0", "p1-1=P1-1"), written);
  }

  @Test
  void aRefusedWriteFailsTheJobNamingTheTopic() {
    Map<String, Object> params = producerParams(broker);
    params.put("bootstrap.servers", "127.0.0.1:1");
    params.put("max.block.ms", 1000);
    RuntimeException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(RuntimeException.class,
        () -> KafkaSink.write(sc.parallelize(List.of("a", "b")), params, "nowhere", v -> v, v -> v)));
    String all = messages(e);
    assertTrue(all.contains("writing to Kafka topic 'nowhere' failed"), all);
    KafkaProducers.close(params);
  }

  private static String messages(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t.getMessage()).append(" | ");
    }
    return b.toString();
  }
}
