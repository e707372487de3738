package dev.eddy.streaming;

import static dev.eddy.streaming.ReceiverTestSupport.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.storage.BlockId;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.ReceiverTestSupport.CountingReceiver;
import dev.eddy.streaming.ReceiverTestSupport.FedReceiver;
import dev.eddy.streaming.StreamingTestSupport.RecordingListener;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.dstream.internal.ReceiverInputDStream;
import dev.eddy.streaming.scheduler.BatchCompleted;
import dev.eddy.streaming.scheduler.BatchInfo;
import dev.eddy.util.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReceiverStreamTest {
  private final List<EddyContext> contexts = new ArrayList<>();
  private final List<StreamingContext> streaming = new ArrayList<>();
  private final ManualClock clock = new ManualClock();
  private final RecordingListener listener = new RecordingListener();

  @AfterEach
  void stop() {
    streaming.forEach(StreamingContext::stop);
    contexts.forEach(EddyContext::stop);
  }

  private StreamingContext context(EddyConf conf) {
    EddyContext sc = new EddyContext(conf);
    contexts.add(sc);
    StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);
    ssc.addStreamingListener(listener);
    streaming.add(ssc);
    return ssc;
  }

  private StreamingContext context() {
    return context(new EddyConf(false).setMaster("local[2]").setAppName("receiver-test"));
  }

  /** Collects each batch's partitions, by batch time. */
  private static <T> Map<Time, List<List<T>>> collectPartitions(DStream<T> stream) {
    Map<Time, List<List<T>>> batches = new ConcurrentHashMap<>();
    stream.foreachRDD((rdd, time) -> batches.put(time, rdd.glom().collect()));
    return batches;
  }

  private static <T> List<T> flatten(Map<Time, List<List<T>>> batches) {
    List<T> all = new ArrayList<>();
    new TreeMap<>(batches).values().forEach(parts -> parts.forEach(all::addAll));
    return all;
  }

  private BatchInfo batch(long time) {
    return listener.ofType(BatchCompleted.class).stream()
        .map(BatchCompleted::batchInfo)
        .filter(b -> b.batchTime().equals(new Time(time)))
        .findFirst().orElseThrow();
  }

  @Test
  void eachBlockIntervalBecomesOnePartitionAndBulkStoresOneBlockEach() {
    StreamingContext ssc = context();
    FedReceiver receiver = new FedReceiver(StorageLevel.MEMORY_AND_DISK_SER_2);
    DStream<Integer> stream = ssc.receiverStream(receiver);
    Map<Time, List<List<Integer>>> batches = collectPartitions(stream);
    ssc.start();
    var blocks = ssc.sparkContext().blockManager();
    int id = stream.id();

    receiver.store(1);
    receiver.store(2);
    clock.advance(200);
    eventually("block 0 is stored", () -> blocks.contains(BlockId.stream(id, 0)));
    receiver.store(3);
    receiver.store(4);
    receiver.store(5);
    clock.advance(200);
    eventually("block 1 is stored", () -> blocks.contains(BlockId.stream(id, 1)));
    receiver.store(List.of(6, 7));
    receiver.store(List.of(8).iterator());
    clock.advance(600);
    ssc.awaitBatches(1);

    assertEquals(List.of(List.of(1, 2), List.of(3, 4, 5), List.of(6, 7), List.of(8)), batches.get(new Time(1000)));
    BatchInfo info = batch(1000);
    assertEquals(8, info.numRecords());
    assertEquals(
        List.of("input-" + id + "-0", "input-" + id + "-1", "input-" + id + "-2", "input-" + id + "-3"),
        info.streamIdToInputInfo().get(id).metadata().get(ReceiverInputDStream.METADATA_KEY_BLOCKS));
    assertFalse(blocks.contains(BlockId.stream(id, 0)), "a processed batch's blocks are removed");

    clock.advance(1000);
    ssc.awaitBatches(2);
    assertEquals(List.of(), batches.get(new Time(2000)));
    assertEquals(0, batch(2000).numRecords());
  }

  @Test
  void everyRecordLandsInExactlyOneBatch() {
    int n = 12_000;
    // 5000 records per second of the manual clock spread the records over three batches
    StreamingContext ssc = context(new EddyConf(false).setMaster("local[2]").set("eddy.streaming.receiver.maxRate", "5000"));
    CountingReceiver receiver = new CountingReceiver(n);
    Map<Time, List<List<Integer>>> batches = collectPartitions(ssc.receiverStream(receiver));
    ssc.start();
    for (int k = 1; k <= 3; k++) {
      clock.advance(1000);
      ssc.awaitBatches(k);
    }
    ReceiverTestSupport.await(receiver.finished, "the receiver stored all its records");
    ssc.stop(false, true);

    List<Integer> all = flatten(batches);
    assertEquals(IntStream.range(0, n).boxed().toList(), all.stream().sorted().toList());
    long reported = 0;
    int withRecords = 0;
    for (Map.Entry<Time, List<List<Integer>>> e : batches.entrySet()) {
      long inBatch = e.getValue().stream().mapToLong(List::size).sum();
      assertEquals(inBatch, batch(e.getKey().milliseconds()).numRecords(), "numRecords of " + e.getKey());
      reported += inBatch;
      withRecords += inBatch > 0 ? 1 : 0;
    }
    assertEquals(n, reported);
    assertTrue(withRecords >= 3, "records spread over batches: " + withRecords);
  }
}
