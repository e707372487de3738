package dev.eddy.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.ReceiverTestSupport.FedReceiver;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.dstream.internal.ReceiverInputDStream;
import dev.eddy.streaming.receiver.WriteAheadLogBasedBlockHandler;
import dev.eddy.streaming.scheduler.ReceivedBlockInfo;
import dev.eddy.streaming.scheduler.ReceiverTracker;
import dev.eddy.streaming.util.FileBasedWriteAheadLog;
import dev.eddy.util.ManualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver write-ahead log end to end: real files in a temp directory, batches on a manual clock. */
class ReceiverWriteAheadLogTest {
  private final List<StreamingContext> streaming = new CopyOnWriteArrayList<>();
  private final List<EddyContext> contexts = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

  /** One batch an output saw: which run, the batch time, its records. */
  private record Seen(int run, long time, List<Integer> records) {}

  @AfterEach
  void stop() throws Exception {
    streaming.forEach(StreamingContext::stop);
    contexts.forEach(EddyContext::stop);
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  private static EddyConf walConf() {
    return new EddyConf(false).setMaster("local[2]").setAppName("wal-test")
        .set("eddy.streaming.receiver.writeAheadLog.enable", "true");
  }

  private StreamingContext context(EddyConf conf, ManualClock clock, Path checkpointDir) {
    EddyContext sc = new EddyContext(conf);
    contexts.add(sc);
    StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);
    if (checkpointDir != null) {
      ssc.checkpoint(checkpointDir.toString());
    }
    streaming.add(ssc);
    return ssc;
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.rangeClosed(from, to).boxed().toList();
  }

  @Test
  void startWithoutACheckpointDirectoryFailsNamingBothSettings() {
    StreamingContext ssc = context(new EddyConf(false).setMaster("local[2]")
        .set("spark.streaming.receiver.writeAheadLog.enable", "true"), new ManualClock(), null);
    ssc.receiverStream(new FedReceiver(StorageLevel.MEMORY_ONLY)).foreachRDD(rdd -> {});
    IllegalStateException e = assertThrows(IllegalStateException.class, ssc::start);
    assertTrue(e.getMessage().contains("spark.streaming.receiver.writeAheadLog.enable"), e.getMessage());
    assertTrue(e.getMessage().contains("ssc.checkpoint(dir)"), e.getMessage());
    assertEquals(StreamingContextState.INITIALIZED, ssc.getState());
    // a bad value names the key
    StreamingContext bad = context(new EddyConf(false).setMaster("local[2]")
        .set("eddy.streaming.receiver.writeAheadLog.enable", "yes"), new ManualClock(), null);
    bad.receiverStream(new FedReceiver(StorageLevel.MEMORY_ONLY)).foreachRDD(rdd -> {});
    IllegalArgumentException badValue = assertThrows(IllegalArgumentException.class, bad::start);
    assertTrue(badValue.getMessage().contains("eddy.streaming.receiver.writeAheadLog.enable must be true or false"),
        badValue.getMessage());
  }

  @Test
  void aStoredBlockIsInTheReceiverLogBeforeStoreReturns(@TempDir Path dir) {
    ManualClock clock = new ManualClock();
    StreamingContext ssc = context(walConf(), clock, dir);
    FedReceiver receiver = new FedReceiver(StorageLevel.MEMORY_ONLY);
    DStream<Integer> stream = ssc.receiverStream(receiver);
    Map<Long, List<Integer>> batches = new ConcurrentHashMap<>();
    stream.foreachRDD((rdd, time) -> batches.put(time.milliseconds(), rdd.collect()));
    ssc.start();
    receiver.store(range(1, 5));

    List<ReceivedBlockInfo> reported = ssc.receiverTracker().getUnallocatedBlocks(stream.id());
    assertEquals(1, reported.size());
    ReceivedBlockInfo block = reported.get(0);
    Path segment = Path.of(((dev.eddy.streaming.util.FileBasedWriteAheadLogSegment) block.walRecordHandle()).path());
    assertEquals(WriteAheadLogBasedBlockHandler.logDirectory(dir.toAbsolutePath(), stream.id()), segment.getParent());
    ByteBuffer record = FileBasedWriteAheadLog.readRecord(block.walRecordHandle());
    byte[] bytes = new byte[record.remaining()];
    record.get(bytes);
    assertEquals(range(1, 5), ssc.sparkContext().serializer().deserialize(bytes));

    ssc.step();
    assertEquals(range(1, 5), batches.get(1000L));
  }

  @Test
  void aRestartedContextRunsUnfinishedBatchesAndUnallocatedBlocksOnceAndFinishedBatchesNever(@TempDir Path dir) {
    List<Seen> seen = new CopyOnWriteArrayList<>();
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);

    // run 1: batch 1000 completes; batch 2000 is allocated and running when the context dies;
    // records 21..30 were stored and acknowledged but not allocated
    ManualClock clock1 = new ManualClock();
    StreamingContext ssc1 = context(walConf(), clock1, dir);
    FedReceiver receiver1 = new FedReceiver(StorageLevel.MEMORY_ONLY);
    ssc1.receiverStream(receiver1).foreachRDD((rdd, time) -> {
      List<Integer> records = rdd.collect();
      if (time.milliseconds() == 2000) {
        blocked.countDown();
        never.await();
      }
      seen.add(new Seen(1, time.milliseconds(), records));
    });
    ssc1.start();
    receiver1.store(range(1, 10));
    ssc1.step();
    receiver1.store(range(11, 15));
    receiver1.store(range(16, 20));
    clock1.setTime(2000);
    ReceiverTestSupport.await(blocked, "batch 2000 started");
    receiver1.store(range(21, 30));
    StreamingTestSupport.capture(true, () -> ssc1.stop(true, false)); // its EddyContext, and block manager, go too

    // run 2: a new EddyContext and StreamingContext on the same directory; the clock goes on from where it was
    ManualClock clock2 = new ManualClock(2000);
    StreamingContext ssc2 = context(walConf(), clock2, dir);
    FedReceiver receiver2 = new FedReceiver(StorageLevel.MEMORY_ONLY);
    DStream<Integer> stream2 = ssc2.receiverStream(receiver2);
    stream2.foreachRDD((rdd, time) -> seen.add(new Seen(2, time.milliseconds(), rdd.collect())));
    String err = StreamingTestSupport.capture(true, () -> {
      ssc2.start();
      assertTrue(ssc2.awaitBatches(1, 10_000), "the recovered batch ran at start");
    });
    assertTrue(err.contains("running again 1 batch(es) recovered from the receiver write-ahead log (2000 ms)"), err);
    assertEquals(List.of(new Time(2000)), ssc2.receiverTracker().recoveredBatches());
    receiver2.store(range(31, 40));
    ssc2.step();

    assertEquals(List.of(
        new Seen(1, 1000, range(1, 10)),
        new Seen(2, 2000, range(11, 20)),
        new Seen(2, 3000, range(21, 40))), seen);
    List<Integer> all = seen.stream().flatMap(s -> s.records().stream()).sorted().toList();
    assertEquals(range(1, 40), all);
    // new blocks are numbered after the recovered ones
    assertEquals(List.of("input-1-3", "input-1-4"), ssc2.lastCompletedBatch().orElseThrow().streamIdToInputInfo()
        .get(stream2.id()).metadata().get(ReceiverInputDStream.METADATA_KEY_BLOCKS));
  }

  @Test
  void aGracefulStopRecordsItsLastBatchSoARestartRunsNothingAgain(@TempDir Path dir) {
    List<Seen> seen = new CopyOnWriteArrayList<>();
    ManualClock clock = new ManualClock();
    StreamingContext ssc = context(walConf(), clock, dir);
    FedReceiver receiver = new FedReceiver(StorageLevel.MEMORY_ONLY);
    ssc.receiverStream(receiver).foreachRDD((rdd, time) -> seen.add(new Seen(1, time.milliseconds(), rdd.collect())));
    ssc.start();
    receiver.store(range(1, 3));
    ssc.step();
    receiver.store(range(4, 6));
    ssc.stop(false, true); // the last blocks go into one more batch
    assertEquals(List.of(new Seen(1, 1000, range(1, 3)), new Seen(1, 2000, range(4, 6))), seen);

    // the same StreamingContext started again recovers nothing
    ssc.start();
    assertEquals(List.of(), ssc.receiverTracker().recoveredBatches());
    assertFalse(ssc.receiverTracker().hasUnallocatedBlocks());
    ssc.step();
    assertEquals(3, seen.size());
    assertEquals(List.of(), seen.get(2).records());
  }

  @Test
  void blocksANonGracefulStopDroppedAreProcessedWhenTheSameContextStartsAgain(@TempDir Path dir) {
    ManualClock clock = new ManualClock();
    StreamingContext ssc = context(walConf(), clock, dir);
    FedReceiver receiver = new FedReceiver(StorageLevel.MEMORY_ONLY);
    DStream<Integer> stream = ssc.receiverStream(receiver);
    List<Seen> seen = new CopyOnWriteArrayList<>();
    stream.foreachRDD((rdd, time) -> seen.add(new Seen(1, time.milliseconds(), rdd.collect())));
    ssc.start();
    receiver.store(range(1, 4));
    ssc.stop(); // non-graceful: the unallocated block is dropped from memory, not from the log
    assertEquals(List.of(), seen);
    assertFalse(ssc.receiverTracker().hasUnallocatedBlocks());

    ssc.start();
    assertTrue(ssc.receiverTracker().hasUnallocatedBlocks());
    receiver.store(range(5, 6));
    ssc.step();
    assertEquals(List.of(new Seen(1, 1000, range(1, 6))), seen);
  }

  @Test
  void cleaningDeletesSegmentsOfCompletedBatches(@TempDir Path dir) {
    ManualClock clock = new ManualClock();
    StreamingContext ssc = context(walConf().set("eddy.streaming.wal.rollingInterval.ms", "1000"), clock, dir);
    FedReceiver receiver = new FedReceiver(StorageLevel.MEMORY_ONLY);
    DStream<Integer> stream = ssc.receiverStream(receiver);
    List<Integer> processed = new CopyOnWriteArrayList<>();
    stream.foreachRDD(rdd -> processed.addAll(rdd.collect()));
    ssc.start();
    Path receiverLog = WriteAheadLogBasedBlockHandler.logDirectory(dir.toAbsolutePath(), stream.id());
    Path metadataLog = dir.resolve(ReceiverTracker.BLOCK_METADATA_DIRECTORY);
    Path firstReceiverSegment = receiverLog.resolve(String.format("wal-%020d.log", 0));
    Path firstMetadataSegment = metadataLog.resolve(String.format("wal-%020d.log", 0));
    receiver.store(range(0, 9));
    ssc.step();
    assertTrue(Files.exists(firstReceiverSegment));
    assertTrue(Files.exists(firstMetadataSegment));
    for (int batch = 1; batch < 6; batch++) {
      receiver.store(range(batch * 10, batch * 10 + 9)); // a new segment each batch: the log rolls every second
      ssc.step();
    }
    ssc.stop(false, true); // waits for the log's background cleaner
    assertEquals(range(0, 59), processed);
    assertFalse(Files.exists(firstReceiverSegment), "the first receiver segment was cleaned");
    assertFalse(Files.exists(firstMetadataSegment), "the first metadata segment was cleaned");
    assertTrue(segments(receiverLog) <= 3, "segments left: " + segments(receiverLog));
    assertTrue(segments(metadataLog) <= 3, "segments left: " + segments(metadataLog));
  }

  private static long segments(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("wal-")).count();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void withoutTheLogNothingIsWrittenUnderTheCheckpointDirectory(@TempDir Path dir) {
    StreamingContext ssc = context(new EddyConf(false).setMaster("local[2]"), new ManualClock(), dir);
    FedReceiver receiver = new FedReceiver(StorageLevel.MEMORY_ONLY);
    ssc.receiverStream(receiver).foreachRDD(rdd -> {});
    ssc.start();
    receiver.store(range(1, 3));
    ssc.step();
    assertFalse(Files.exists(dir.resolve("receivedData")));
    assertFalse(Files.exists(dir.resolve(ReceiverTracker.BLOCK_METADATA_DIRECTORY)));
    assertTrue(ssc.receiverTracker().getBlocksOfBatch(new Time(1000), 1).stream()
        .allMatch(b -> b.walHandle().isEmpty()));
  }

  @Test
  void aSocketReceiverWritesTheLinesItReadsToTheLog(@TempDir Path dir) throws Exception {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    closeables.add(server);
    CountDownLatch reconnected = new CountDownLatch(1);
    Thread t = new Thread(() -> {
      try {
        try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
          out.write("alpha\nbeta\ngamma\n".getBytes(StandardCharsets.UTF_8));
        }
        closeables.add(server.accept()); // the receiver read the first connection to its end
        reconnected.countDown();
      } catch (IOException e) {
        // the test closed the server
      }
    }, "test-socket-server");
    t.setDaemon(true);
    t.start();
    ManualClock clock = new ManualClock();
    StreamingContext ssc = context(walConf().set("spark.streaming.receiverRestartDelay", "0"), clock, dir);
    DStream<String> lines = ssc.socketTextStream(server.getInetAddress().getHostAddress(), server.getLocalPort());
    Map<Long, List<String>> batches = new ConcurrentHashMap<>();
    lines.foreachRDD((rdd, time) -> batches.put(time.milliseconds(), rdd.collect()));
    String err = StreamingTestSupport.capture(true, () -> {
      ssc.start();
      ReceiverTestSupport.await(reconnected, "the receiver reconnected");
      clock.advance(1000);
      ssc.awaitBatches(1);
      ssc.stop(false, true); // the last partial block goes into one more batch
    });
    // MEMORY_AND_DISK_SER_2, the socket stream's default, is stored with one copy
    assertTrue(err.contains("storage level replication 2 is unnecessary when the write-ahead log is enabled, "
        + "change to replication 1"), err);
    List<String> all = new ArrayList<>();
    new TreeMap<>(batches).values().forEach(all::addAll);
    assertEquals(List.of("alpha", "beta", "gamma"), all);

    List<String> logged = new ArrayList<>();
    Path receiverLog = WriteAheadLogBasedBlockHandler.logDirectory(dir.toAbsolutePath(), lines.id());
    try (FileBasedWriteAheadLog log = FileBasedWriteAheadLog.open(
        receiverLog, dev.eddy.streaming.util.WriteAheadLogSettings.DEFAULTS, clock)) {
      log.readAll().forEachRemaining(record -> {
        byte[] bytes = new byte[record.remaining()];
        record.get(bytes);
        logged.addAll(ssc.sparkContext().serializer().<List<String>>deserialize(bytes));
      });
    }
    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(List.of("alpha", "beta", "gamma"), logged, files.map(f -> f + " " + f.toFile().length()).toList().toString());
    }
  }
}
