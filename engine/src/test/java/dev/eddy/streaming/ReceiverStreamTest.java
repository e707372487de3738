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
    var tracker = ssc.receiverTracker();
    eventually("block 0 is reported", () -> tracker.getUnallocatedBlocks(id).size() == 1);
    receiver.store(3);
    receiver.store(4);
    receiver.store(5);
    clock.advance(200);
    eventually("block 1 is reported", () -> tracker.getUnallocatedBlocks(id).size() == 2);
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
  void aRestartedContextRunsTheSameReceiverAgain() {
    StreamingContext ssc = context();
    FedReceiver receiver = new FedReceiver(StorageLevel.MEMORY_ONLY);
    DStream<Integer> stream = ssc.receiverStream(receiver);
    Map<Time, List<List<Integer>>> batches = collectPartitions(stream);
    ssc.start();
    receiver.store(List.of(1, 2));
    clock.advance(1000);
    ssc.awaitBatches(1);
    ssc.stop();
    assertEquals(1, receiver.stops.get());

    ssc.start();
    receiver.store(List.of(3));
    clock.advance(1000);
    ssc.awaitBatches(1);
    assertEquals(2, receiver.starts.get());
    assertEquals(List.of(List.of(1, 2)), batches.get(new Time(1000)));
    assertEquals(List.of(List.of(3)), batches.get(new Time(2000)));
  }

  @Test
  void everyRecordLandsInExactlyOneBatch() {
    int n = 12_000;
    // 5000 records per second of the manual clock spread the records over three batches
    StreamingContext ssc = context(new EddyConf(false).setMaster("local[2]").set("eddy.streaming.receiver.maxRate", "5000"));
    CountingReceiver receiver = new CountingReceiver(n);
    Map<Time, List<List<Integer>>> batches = collectPartitions(ssc.receiverStream(receiver));
    ssc.start();
    // the rate limiter lets a receiver that falls behind catch up on one second at most, so the
    // clock moves on until the receiver is done
    for (int k = 1; k <= 3 || receiver.finished.getCount() > 0; k++) {
      assertTrue(k < 100, "the receiver stored only " + receiver.stored.get() + " records");
      clock.advance(1000);
      ssc.awaitBatches(k);
    }
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
    assertTrue(withRecords >= 2, "records spread over batches: " + withRecords);
  }

  @Test
  void restartStopsTheReceiverAndStartsItAgainAfterTheDelayOnTheClock() {
    StreamingContext ssc = context();
    FedReceiver receiver = new FedReceiver(StorageLevel.MEMORY_ONLY);
    ssc.receiverStream(receiver).foreachRDD(rdd -> {});
    ssc.start();
    assertEquals(1, receiver.starts.get());
    assertTrue(receiver.isStarted());

    String err = StreamingTestSupport.capture(true, () -> receiver.restart("lost the source", new RuntimeException("boom")));
    assertTrue(err.contains("restarting the receiver of stream " + receiver.streamId() + " in 2000 ms: lost the source"), err);
    eventually("the receiver is stopped", () -> receiver.stops.get() == 1);
    assertTrue(receiver.isStopped());
    clock.advance(1999);
    assertEquals(1, receiver.starts.get(), "restarted before the delay");
    clock.advance(1);
    eventually("the receiver is started again", () -> receiver.starts.get() == 2);
    assertTrue(receiver.isStarted());
    assertTrue(ssc.receiverTracker().supervisor(receiver.streamId()).orElseThrow().lastError().orElseThrow()
        .contains("boom"));
  }

  @Test
  void reportErrorKeepsTheReceiverRunning() {
    StreamingContext ssc = context();
    FedReceiver receiver = new FedReceiver(StorageLevel.MEMORY_ONLY);
    Map<Time, List<List<Integer>>> batches = collectPartitions(ssc.receiverStream(receiver));
    ssc.start();
    String err = StreamingTestSupport.capture(true, () -> receiver.reportError("bad record", new IllegalStateException("x")));
    assertTrue(err.contains("reported an error: bad record: java.lang.IllegalStateException: x"), err);
    assertTrue(receiver.isStarted());
    receiver.store(List.of(1));
    clock.advance(1000);
    ssc.awaitBatches(1);
    assertEquals(List.of(1), flatten(batches));
  }

  @Test
  void maxRateCapsTheRecordsEachReceiverStoresPerSecond() {
    // Spark's key is accepted as well
    StreamingContext ssc = context(new EddyConf(false).setMaster("local[2]").set("spark.streaming.receiver.maxRate", "100"));
    CountingReceiver receiver = new CountingReceiver(Integer.MAX_VALUE);
    DStream<Integer> stream = ssc.receiverStream(receiver);
    Map<Time, List<List<Integer>>> batches = collectPartitions(stream);
    ssc.start();
    assertEquals(100, ssc.receiverTracker().supervisor(stream.id()).orElseThrow().rateLimit());
    for (int k = 1; k <= 3; k++) {
      clock.advance(1000);
      ssc.awaitBatches(k);
      // by time k s the limiter granted one permit per 10 ms: 100 k + 1 at most
      int stored = receiver.stored.get();
      assertTrue(stored <= 100 * k + 1, "records stored by " + k + " s: " + stored);
    }
    ssc.stop(false, true);
    int stored = receiver.stored.get();
    assertTrue(stored >= 1 && stored <= 301, "records stored in 3 s: " + stored);
    assertEquals(stored, flatten(batches).size(), "every stored record is in a batch");
  }

  @Test
  void aGracefulStopProcessesEveryRecordReceivedAndANonGracefulOneDropsPendingBlocks() {
    StreamingContext ssc = context();
    FedReceiver receiver = new FedReceiver(StorageLevel.MEMORY_AND_DISK_SER_2);
    Map<Time, List<List<Integer>>> batches = collectPartitions(ssc.receiverStream(receiver));
    ssc.start();
    receiver.store(List.of(1, 2));
    clock.advance(1000);
    ssc.awaitBatches(1);
    receiver.store(List.of(3, 4));   // a block no batch has taken yet
    receiver.store(5);               // still in the block generator's buffer
    receiver.store(6);
    ssc.stop(false, true);
    assertTrue(receiver.isStopped());
    assertEquals(List.of(1, 2, 3, 4, 5, 6), flatten(batches));
    assertEquals(List.of(List.of(3, 4), List.of(5, 6)), batches.get(new Time(2000)), "a final batch at the next batch time");

    StreamingContext other = context();
    FedReceiver dropped = new FedReceiver(StorageLevel.MEMORY_ONLY);
    DStream<Integer> stream = other.receiverStream(dropped);
    Map<Time, List<List<Integer>>> otherBatches = collectPartitions(stream);
    other.start();
    dropped.store(List.of(7));
    dropped.store(8);
    other.stop();
    assertEquals(Map.of(), otherBatches);
    assertFalse(other.sparkContext().blockManager().contains(BlockId.stream(stream.id(), 0)), "dropped blocks are removed");
  }

  @Test
  void aReplicatedBlockSurvivesALostCopyAndALostOnlyCopyFailsTheBatchNamingTheBlock() {
    StreamingContext ssc = context();
    FedReceiver replicated = new FedReceiver(StorageLevel.MEMORY_AND_DISK_SER_2);
    FedReceiver single = new FedReceiver(StorageLevel.MEMORY_ONLY_SER);
    DStream<Integer> replicatedStream = ssc.receiverStream(replicated);
    DStream<Integer> singleStream = ssc.receiverStream(single);
    Map<Time, List<List<Integer>>> batches = collectPartitions(replicatedStream);
    collectPartitions(singleStream);
    ssc.start();
    replicated.store(List.of(1, 2, 3));
    single.store(List.of(4));
    var blocks = ssc.sparkContext().blockManager();
    assertTrue(blocks.dropCopy(BlockId.stream(replicatedStream.id(), 0), 0));
    assertTrue(blocks.dropCopy(BlockId.stream(singleStream.id(), 0), 0));
    clock.advance(1000);
    ssc.awaitBatches(1);

    assertEquals(List.of(List.of(1, 2, 3)), batches.get(new Time(1000)));
    String failure = batch(1000).failureReason().orElseThrow();
    assertTrue(failure.contains("block input-" + singleStream.id() + "-0"), failure);
  }

  @Test
  void warnsWhenLocal1LeavesTheReceiverTheOnlyCore() {
    StreamingContext one = context(new EddyConf(false).setMaster("local[1]"));
    one.receiverStream(new FedReceiver(StorageLevel.MEMORY_ONLY)).foreachRDD(rdd -> {});
    String err = StreamingTestSupport.capture(true, one::start);
    assertTrue(err.contains("local[n], n > 1"), err);

    StreamingContext two = context();
    two.receiverStream(new FedReceiver(StorageLevel.MEMORY_ONLY)).foreachRDD(rdd -> {});
    StreamingContext noReceiver = context(new EddyConf(false).setMaster("local[1]"));
    noReceiver.textGeneratorStream(1).foreachRDD(rdd -> {});
    String none = StreamingTestSupport.capture(true, () -> {
      two.start();
      noReceiver.start();
    });
    assertFalse(none.contains("local[n]"), none);
  }

  @Test
  void badInputIsRejectedWithAClearError() {
    StreamingContext ssc = context();
    var e = assertThrows(IllegalArgumentException.class, () -> ssc.receiverStream(null));
    assertTrue(e.getMessage().contains("receiver"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ssc.socketTextStream("localhost", 70_000));
    assertTrue(e.getMessage().contains("70000"), e.getMessage());
    StreamingContext badConf = context(new EddyConf(false).setMaster("local[2]").set("spark.streaming.blockInterval", "soon"));
    e = assertThrows(IllegalArgumentException.class, () -> badConf.receiverStream(new FedReceiver(StorageLevel.MEMORY_ONLY)));
    assertTrue(e.getMessage().contains("spark.streaming.blockInterval"), e.getMessage());
    FedReceiver unattached = new FedReceiver(StorageLevel.MEMORY_ONLY);
    var state = assertThrows(IllegalStateException.class, () -> unattached.store(1));
    assertTrue(state.getMessage().contains("not been started"), state.getMessage());
  }

  @Test
  void aReceiverWhoseOnStartThrowsIsStoppedAndReportedWhileBatchesGoOn() {
    StreamingContext ssc = context();
    FedReceiver broken = new FedReceiver(StorageLevel.MEMORY_ONLY) {
      @Override
      public void onStart() {
        throw new IllegalStateException("cannot open the source");
      }
    };
    Map<Time, List<List<Integer>>> batches = collectPartitions(ssc.receiverStream(broken));
    String err = StreamingTestSupport.capture(true, ssc::start);
    assertTrue(err.contains("onStart failed; it is stopped: java.lang.IllegalStateException: cannot open the source"), err);
    assertTrue(broken.isStopped());
    clock.advance(1000);
    ssc.awaitBatches(1);
    assertEquals(List.of(), batches.get(new Time(1000)));
    assertTrue(batch(1000).succeeded());
  }
}
