package dev.eddy.streaming.kafka;

import static dev.eddy.streaming.kafka.KafkaTestSupport.consumerParams;
import static dev.eddy.streaming.kafka.KafkaTestSupport.produce;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.util.ManualClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stateful count over the direct Kafka stream recovers its offsets with its state: no record counted twice or lost. */
class KafkaRecoveryTest {
  private static KafkaBroker broker;

  @TempDir Path dir;
  private final List<EddyContext> contexts = new ArrayList<>();

  @BeforeAll
  static void startBroker() {
    broker = KafkaTestSupport.sharedBroker();
  }

  @AfterEach
  void stop() {
    contexts.forEach(EddyContext::stop);
  }

  /** Counts records per partition ("p0", "p1": the values' prefix) with updateStateByKey. */
  private StreamingContext countPerPartition(ManualClock clock, Map<Long, Map<String, Integer>> out) {
    EddyContext sc = new EddyContext("local[2]", "kafka-recovery-test");
    contexts.add(sc);
    StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);
    ssc.checkpoint(dir.toString());
    KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
            ConsumerStrategies.<String, String>Subscribe(List.of("recovered"), consumerParams(broker, null)))
        .mapToPair(r -> new Tuple2<>(r.value().substring(0, 2), 1))
        .updateStateByKey((List<Integer> ones, Optional<Integer> n) -> Optional.of(n.orElse(0) + ones.size()))
        .checkpoint(Durations.seconds(1))
        .foreachRDD((rdd, t) -> {
          Map<String, Integer> m = new HashMap<>();
          rdd.collect().forEach(kv -> m.put(kv._1(), kv._2()));
          out.put(t.milliseconds(), m);
        });
    return ssc;
  }

  @Test
  void aRecoveredDirectStreamGoesOnFromItsCheckpointedOffsets() {
    broker.createTopic("recovered", 2);
    produce(broker, "recovered", 0, 0, 10);
    produce(broker, "recovered", 1, 0, 5);
    Map<Long, Map<String, Integer>> first = new ConcurrentHashMap<>();
    ManualClock clock1 = new ManualClock();
    StreamingContext ssc1 = StreamingContext.getOrCreate(dir.toString(), () -> countPerPartition(clock1, first));
    ssc1.start();
    ssc1.step();
    produce(broker, "recovered", 0, 10, 5);
    ssc1.step();
    ssc1.stop(); // the crash
    assertEquals(Map.of("p0", 15, "p1", 5), first.get(2000L));

    produce(broker, "recovered", 1, 5, 7); // while down
    Map<Long, Map<String, Integer>> second = new ConcurrentHashMap<>();
    StreamingContext ssc2 =
        StreamingContext.getOrCreate(dir.toString(), () -> countPerPartition(new ManualClock(4000), second));
    ssc2.start();
    ssc2.awaitBatches(2);
    produce(broker, "recovered", 0, 15, 2);
    ssc2.step();
    ssc2.stop();
    assertEquals(Map.of("p0", 15, "p1", 12), second.get(3000L), "the first missed batch reads what came while down");
    assertEquals(Map.of("p0", 15, "p1", 12), second.get(4000L));
    assertEquals(Map.of("p0", 17, "p1", 12), second.get(5000L), "every record counted once");
  }
}
