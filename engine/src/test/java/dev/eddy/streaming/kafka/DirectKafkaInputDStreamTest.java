package dev.eddy.streaming.kafka;

import static dev.eddy.streaming.kafka.KafkaTestSupport.consumerParams;
import static dev.eddy.streaming.kafka.KafkaTestSupport.produce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.StreamingContextState;
import dev.eddy.streaming.scheduler.BatchCompleted;
import dev.eddy.streaming.scheduler.StreamInputInfo;
import dev.eddy.streaming.scheduler.StreamingListener;
import dev.eddy.util.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectKafkaInputDStreamTest {
  private static KafkaBroker broker;

  private final ManualClock clock = new ManualClock();
  private final List<StreamingContext> contexts = new ArrayList<>();
  private EddyContext sc = new EddyContext("local[2]", "kafka-test");

  @BeforeAll
  static void startBroker() {
    broker = KafkaTestSupport.sharedBroker();
  }

  @AfterEach
  void stop() {
    contexts.forEach(StreamingContext::stop);
    sc.stop();
  }

  /** What one batch's RDD held, as seen in foreachRDD. */
  record Batch(List<OffsetRange> ranges, List<List<String>> valuesPerPartition) {
    List<String> values() {
      return valuesPerPartition.stream().flatMap(List::stream).toList();
    }
  }

  private StreamingContext newContext() {
    StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);
    contexts.add(ssc);
    return ssc;
  }

  /** Records each batch's ranges and values per RDD partition. */
  private static List<Batch> record(DirectKafkaInputDStream<String, String> stream) {
    List<Batch> batches = new CopyOnWriteArrayList<>();
    stream.foreachRDD((RDD<ConsumerRecord<String, String>> rdd) -> {
      OffsetRange[] ranges = ((HasOffsetRanges) rdd).offsetRanges();
      List<List<String>> values = rdd.map(ConsumerRecord::value).glom().collect();
      batches.add(new Batch(List.of(ranges), values));
    });
    return batches;
  }

  private void runBatches(StreamingContext ssc, int n) {
    for (int i = 0; i < n; i++) {
      clock.advance(1000);
    }
    ssc.awaitBatches(n);
  }

  @Test
  void eachBatchReadsTheProducedOffsetsWithOnePartitionPerKafkaPartition() {
    broker.createTopic("ranges", 3);
    List<String> p0 = produce(broker, "ranges", 0, 0, 5);
    List<String> p1 = produce(broker, "ranges", 1, 0, 7);
    StreamingContext ssc = newContext();
    List<StreamInputInfo> inputs = new CopyOnWriteArrayList<>();
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchCompleted event) {
        inputs.addAll(event.batchInfo().streamIdToInputInfo().values());
      }
    });
    var stream = KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("ranges"), consumerParams(broker, "g-ranges")));
    List<Batch> batches = record(stream);
    ssc.start();
    runBatches(ssc, 1);
    List<String> p2 = produce(broker, "ranges", 2, 0, 3);
    runBatches(ssc, 2);

    assertEquals(List.of(OffsetRange.create("ranges", 0, 0, 5), OffsetRange.create("ranges", 1, 0, 7),
        OffsetRange.create("ranges", 2, 0, 0)), batches.get(0).ranges());
    assertEquals(List.of(p0, p1, List.of()), batches.get(0).valuesPerPartition());
    assertEquals(List.of(OffsetRange.create("ranges", 0, 5, 5), OffsetRange.create("ranges", 1, 7, 7),
        OffsetRange.create("ranges", 2, 0, 3)), batches.get(1).ranges());
    assertEquals(List.of(List.of(), List.of(), p2), batches.get(1).valuesPerPartition());

    StreamInputInfo first = inputs.get(0);
    assertEquals(stream.id(), first.inputStreamId());
    assertEquals(12, first.numRecords());
    assertEquals(batches.get(0).ranges(), first.metadata().get(DirectKafkaInputDStream.METADATA_KEY_OFFSETS));
    assertEquals("ranges 0: 0 -> 5\nranges 1: 0 -> 7", first.metadataDescription().orElseThrow());
    assertEquals(3, inputs.get(1).numRecords());
    assertEquals(Map.of(new TopicPartition("ranges", 0), 5L, new TopicPartition("ranges", 1), 7L,
        new TopicPartition("ranges", 2), 3L), stream.currentOffsets());
  }

  @Test
  void maxRatePerPartitionCapsEachBatch() {
    sc.stop();
    sc = new EddyContext(new EddyConf().setMaster("local[2]").setAppName("kafka-rate")
        .set("spark.streaming.kafka.maxRatePerPartition", "3"));
    broker.createTopic("capped", 2);
    produce(broker, "capped", 0, 0, 10);
    produce(broker, "capped", 1, 0, 2);
    StreamingContext ssc = newContext();
    var stream = KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("capped"), consumerParams(broker, null)));
    List<Batch> batches = record(stream);
    ssc.start();
    runBatches(ssc, 5);
    List<List<Long>> until = batches.stream()
        .map(b -> b.ranges().stream().map(OffsetRange::untilOffset).toList()).toList();
    assertEquals(List.of(List.of(3L, 2L), List.of(6L, 2L), List.of(9L, 2L), List.of(10L, 2L), List.of(10L, 2L)), until);
    assertEquals(12, batches.stream().mapToInt(b -> b.values().size()).sum());
  }

  @Test
  void aRateLimiterSharesItsRateByLag() {
    broker.createTopic("pressure", 2);
    produce(broker, "pressure", 0, 0, 10);
    produce(broker, "pressure", 1, 0, 30);
    StreamingContext ssc = newContext();
    var stream = KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("pressure"), consumerParams(broker, null)));
    stream.setRateLimiter(() -> 8);
    List<Batch> batches = record(stream);
    ssc.start();
    runBatches(ssc, 1);
    assertEquals(List.of(OffsetRange.create("pressure", 0, 0, 2), OffsetRange.create("pressure", 1, 0, 6)),
        batches.get(0).ranges(), "8 records/s shared 1:3 by lag");
  }

  @Test
  void subscribePatternReadsMatchingTopicsAndPicksUpNewOnes() {
    broker.createTopic("pat-a", 1);
    broker.createTopic("other-b", 1);
    produce(broker, "pat-a", 0, 0, 2);
    produce(broker, "other-b", 0, 0, 2);
    StreamingContext ssc = newContext();
    var stream = KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>SubscribePattern(Pattern.compile("pat-.*"), consumerParams(broker, null)));
    List<Batch> batches = record(stream);
    ssc.start();
    runBatches(ssc, 1);
    broker.createTopic("pat-c", 2);
    produce(broker, "pat-c", 1, 0, 4);
    runBatches(ssc, 2);
    assertEquals(List.of(OffsetRange.create("pat-a", 0, 0, 2)), batches.get(0).ranges());
    assertEquals(List.of(OffsetRange.create("pat-a", 0, 2, 2), OffsetRange.create("pat-c", 0, 0, 0),
        OffsetRange.create("pat-c", 1, 0, 4)), batches.get(1).ranges(), "a new topic starts at auto.offset.reset");
  }

  @Test
  void assignStartsAtTheGivenOffsets() {
    broker.createTopic("assigned", 2);
    produce(broker, "assigned", 0, 0, 6);
    produce(broker, "assigned", 1, 0, 6);
    TopicPartition tp = new TopicPartition("assigned", 1);
    StreamingContext ssc = newContext();
    var stream = KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Assign(List.of(tp), consumerParams(broker, null), Map.of(tp, 4L)));
    List<Batch> batches = record(stream);
    ssc.start();
    runBatches(ssc, 1);
    assertEquals(List.of(OffsetRange.create(tp, 4, 6)), batches.get(0).ranges());
    assertEquals(List.of(List.of("p1-4", "p1-5")), batches.get(0).valuesPerPartition());
  }

  @Test
  void aNewStreamOfTheGroupStartsAtTheCommittedOffsets() {
    broker.createTopic("committed", 1);
    produce(broker, "committed", 0, 0, 5);
    List<Map<TopicPartition, OffsetAndMetadata>> acknowledged = new CopyOnWriteArrayList<>();
    List<Exception> commitErrors = new CopyOnWriteArrayList<>();
    StreamingContext first = newContext();
    var stream = KafkaUtils.createDirectStream(first, LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("committed"), consumerParams(broker, "g-commit")));
    stream.foreachRDD(rdd -> {
      OffsetRange[] ranges = ((HasOffsetRanges) rdd).offsetRanges();
      rdd.count();
      ((CanCommitOffsets) stream.inputDStream()).commitAsync(ranges, (offsets, error) -> {
        acknowledged.add(offsets);
        if (error != null) {
          commitErrors.add(error);
        }
      });
    });
    first.start();
    runBatches(first, 2);
    first.stop();
    assertEquals(List.of(), commitErrors);
    Map<TopicPartition, OffsetAndMetadata> five = Map.of(new TopicPartition("committed", 0), new OffsetAndMetadata(5));
    assertEquals(List.of(five, five), acknowledged, "batch 1's commit sent at batch 2, batch 2's at stop");

    List<String> more = produce(broker, "committed", 0, 5, 3);
    StreamingContext second = newContext();
    var again = KafkaUtils.createDirectStream(second, LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("committed"), consumerParams(broker, "g-commit")));
    List<Batch> batches = record(again);
    long started = System.nanoTime();
    second.start();
    runBatches(second, 1);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(List.of(OffsetRange.create("committed", 0, 5, 8)), batches.get(0).ranges());
    assertEquals(more, batches.get(0).values());
    assertTrue(millis < 10_000, "no wait for group rebalancing: " + millis + " ms");
  }

  @Test
  void commitAsyncWithoutAGroupSaysSo() {
    broker.createTopic("nogroup", 1);
    var stream = KafkaUtils.createDirectStream(newContext(), LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("nogroup"), consumerParams(broker, null)));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> stream.commitAsync(new OffsetRange[] {OffsetRange.create("nogroup", 0, 0, 1)}));
    assertTrue(e.getMessage().contains("group.id"), e.getMessage());
  }

  @Test
  void aRestartedBrokerLosesNoRecord(@TempDir Path dir) {
    Path data = dir.resolve("broker");
    KafkaBroker own = KafkaBroker.start(data);
    try {
      own.createTopic("survives", 2);
      List<String> expected = new ArrayList<>(produce(own, "survives", 0, 0, 4));
      expected.addAll(produce(own, "survives", 1, 0, 4));
      StreamingContext ssc = newContext();
      var stream = KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
          ConsumerStrategies.<String, String>Subscribe(List.of("survives"), consumerParams(own, "g-survive")));
      List<Batch> batches = record(stream);
      ssc.start();
      runBatches(ssc, 1);
      own.stop();
      own = KafkaBroker.start(data);
      expected.addAll(produce(own, "survives", 0, 4, 3));
      expected.addAll(produce(own, "survives", 1, 4, 5));
      runBatches(ssc, 2);
      List<String> read = batches.stream().flatMap(b -> b.values().stream()).sorted().toList();
      assertEquals(expected.stream().sorted().toList(), read);
      assertEquals(List.of(OffsetRange.create("survives", 0, 4, 7), OffsetRange.create("survives", 1, 4, 9)),
          batches.get(1).ranges());
    } finally {
      own.stop();
    }
  }

  @Test
  void anUnknownTopicFailsStartClearly() {
    StreamingContext ssc = newContext();
    KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("no-such-topic"), consumerParams(broker, null)))
        .foreachRDD(rdd -> rdd.count());
    IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> assertThrows(IllegalArgumentException.class, ssc::start));
    assertTrue(e.getMessage().contains("'no-such-topic' does not exist"), e.getMessage());
    assertEquals(StreamingContextState.STOPPED, ssc.getState(), "a start that failed leaves no run behind");
  }

  @Test
  void anUnknownPartitionFailsStartClearly() {
    broker.createTopic("one-partition", 1);
    StreamingContext ssc = newContext();
    TopicPartition tp = new TopicPartition("one-partition", 3);
    KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Assign(List.of(tp), consumerParams(broker, null)))
        .foreachRDD(rdd -> rdd.count());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ssc::start);
    assertTrue(e.getMessage().contains("has no partition 3"), e.getMessage());
  }

  @Test
  void aBrokerThatDoesNotAnswerFailsStartWithinTheApiTimeout() {
    StreamingContext ssc = newContext();
    Map<String, Object> params = consumerParams(broker, null);
    params.put("bootstrap.servers", "127.0.0.1:1");
    params.put("default.api.timeout.ms", 2000);
    KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("t"), params)).foreachRDD(rdd -> rdd.count());
    IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> assertThrows(IllegalStateException.class, ssc::start));
    assertTrue(e.getMessage().contains("127.0.0.1:1 did not answer within 2000 ms"), e.getMessage());
  }

  @Test
  void noCommittedOffsetWithResetNoneFailsClearly() {
    broker.createTopic("reset-none", 1);
    StreamingContext ssc = newContext();
    Map<String, Object> params = consumerParams(broker, "g-none");
    params.put("auto.offset.reset", "none");
    KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("reset-none"), params)).foreachRDD(rdd -> rdd.count());
    IllegalStateException e = assertThrows(IllegalStateException.class, ssc::start);
    assertTrue(e.getMessage().contains("No starting offset") && e.getMessage().contains("'g-none'"), e.getMessage());
  }

  @Test
  void createRDDReadsExactlyTheRanges() {
    broker.createTopic("rdd", 2);
    produce(broker, "rdd", 0, 0, 4);
    produce(broker, "rdd", 1, 0, 4);
    RDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(sc, consumerParams(broker, null),
        new OffsetRange[] {OffsetRange.create("rdd", 1, 1, 3), OffsetRange.create("rdd", 0, 2, 4)},
        LocationStrategies.PreferConsistent());
    assertEquals(List.of("p1-1", "p1-2", "p0-2", "p0-3"), rdd.map(ConsumerRecord::value).collect());
    assertEquals(List.of("p1-1", "p1-2", "p0-2", "p0-3"), rdd.map(ConsumerRecord::value).collect(), "again, from cached consumers");
    assertEquals(List.of("p1-1"), rdd.map(ConsumerRecord::value).take(1));
  }

  @Test
  void aRangeEndingAtThePartitionsEndDoesNotWaitForMoreRecords() {
    broker.createTopic("to-end", 1);
    produce(broker, "to-end", 0, 0, 4);
    RDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(sc, consumerParams(broker, null),
        new OffsetRange[] {OffsetRange.create("to-end", 0, 0, 4)}, LocationStrategies.PreferConsistent());
    assertEquals(4, rdd.count(), "first read, connecting a task consumer");
    long start = System.nanoTime();
    assertEquals(4, rdd.count(), "again, from the cached consumer");
    long millis = (System.nanoTime() - start) / 1_000_000;
    // after the range's last record a poll for more would block for its whole timeout (1 s): no records follow
    assertTrue(millis < 1000, "reading a range up to the partition's end took " + millis + " ms");
  }

  @Test
  void aRangePastThePartitionsEndFailsAtOnce() {
    broker.createTopic("short", 1);
    produce(broker, "short", 0, 0, 2);
    RDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(sc, consumerParams(broker, null),
        new OffsetRange[] {OffsetRange.create("short", 0, 0, 5)}, LocationStrategies.PreferConsistent());
    RuntimeException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> assertThrows(RuntimeException.class, rdd::count));
    assertTrue(e.getMessage().contains("short-0 ends at offset 2, so the offset range short 0: 0 -> 5 asks for records"),
        e.getMessage());
  }
}
