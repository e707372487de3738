package dev.eddy.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.rdd.RDD;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.StreamingTestSupport.RecordingListener;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.dstream.internal.FileInputDStream;
import dev.eddy.streaming.dstream.internal.SocketReceiver;
import dev.eddy.streaming.scheduler.BatchCompleted;
import dev.eddy.util.ManualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketAndFileStreamTest {
  private final List<EddyContext> contexts = new ArrayList<>();
  private final List<StreamingContext> streaming = new ArrayList<>();
  private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws Exception {
    streaming.forEach(StreamingContext::stop);
    contexts.forEach(EddyContext::stop);
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  private StreamingContext context(ManualClock clock, EddyConf conf) {
    EddyContext sc = new EddyContext(conf.setMaster("local[2]").setAppName("socket-file-test"));
    contexts.add(sc);
    StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);
    streaming.add(ssc);
    return ssc;
  }

  /**
   * Serves each accepted connection the next payload and closes it; the connection after the
   * last payload is kept open, and {@code served} counts down when it arrives.
   */
  private ServerSocket serve(List<String> payloads, CountDownLatch served) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    closeables.add(server);
    Thread t = new Thread(() -> {
      try {
        for (String payload : payloads) {
          try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
            out.write(payload.getBytes(StandardCharsets.UTF_8));
          }
        }
        Socket last = server.accept();
        closeables.add(last);
        served.countDown();
      } catch (IOException e) {
        // the test closed the server
      }
    }, "test-socket-server");
    t.setDaemon(true);
    t.start();
    return server;
  }

  private static <T> List<T> inOrder(Map<Time, List<T>> batches) {
    List<T> all = new ArrayList<>();
    new TreeMap<>(batches).values().forEach(all::addAll);
    return all;
  }

  @Test
  void socketTextStreamReconnectsWhenTheServerClosesAndLosesNothing() throws Exception {
    ManualClock clock = new ManualClock();
    // Spark's key, and no delay, so the receiver reconnects at once
    StreamingContext ssc = context(clock, new EddyConf(false).set("spark.streaming.receiverRestartDelay", "0"));
    CountDownLatch thirdConnection = new CountDownLatch(1);
    ServerSocket server = serve(List.of("a\nb\nc\n", "d\ne\n"), thirdConnection);
    Map<Time, List<String>> batches = new ConcurrentHashMap<>();
    ssc.socketTextStream(server.getInetAddress().getHostAddress(), server.getLocalPort())
        .foreachRDD((rdd, time) -> batches.put(time, rdd.collect()));
    String err = StreamingTestSupport.capture(true, () -> {
      ssc.start();
      // the receiver reads each connection to its end before it reconnects
      ReceiverTestSupport.await(thirdConnection, "the receiver connected a third time");
    });
    assertTrue(err.contains("Socket data stream had no more data"), err);
    clock.advance(1000);
    ssc.awaitBatches(1);
    ssc.stop(false, true);
    assertEquals(List.of("a", "b", "c", "d", "e"), inOrder(batches));
  }

  @Test
  void socketStreamConvertsTheInputStreamWithTheGivenConverter() throws Exception {
    ManualClock clock = new ManualClock();
    StreamingContext ssc = context(clock, new EddyConf(false));
    CountDownLatch again = new CountDownLatch(1);
    ServerSocket server = serve(List.of("1,2,3\n4\n"), again);
    Map<Time, List<Integer>> batches = new ConcurrentHashMap<>();
    DStream<Integer> numbers = ssc.socketStream(
        server.getInetAddress().getHostAddress(), server.getLocalPort(),
        in -> StreamSupport.stream(SocketReceiver.bytesToLines(in).spliterator(), false)
            .flatMap(line -> java.util.Arrays.stream(line.split(",")))
            .map(Integer::valueOf)
            .toList(),
        StorageLevel.MEMORY_ONLY);
    numbers.foreachRDD((rdd, time) -> batches.put(time, rdd.collect()));
    String err = StreamingTestSupport.capture(true, () -> {
      ssc.start();
      var supervisor = ssc.receiverTracker().supervisor(numbers.id()).orElseThrow();
      ReceiverTestSupport.eventually("the server's close is noticed", () -> supervisor.lastError().isPresent());
    });
    assertTrue(err.contains("in 2000 ms: Socket data stream had no more data"), err);
    // the default restart delay, 2000 ms, is waited on the manual clock
    clock.advance(1999);
    assertEquals(1, again.getCount());
    clock.advance(1);
    ReceiverTestSupport.await(again, "the receiver reconnected after the restart delay");
    ssc.stop(false, true);
    assertEquals(List.of(1, 2, 3, 4), inOrder(batches));
  }

  @Test
  void textFileStreamReadsTheFilesModifiedWithinEachBatch(@TempDir Path dir) throws Exception {
    ManualClock clock = new ManualClock(10_000);
    StreamingContext ssc = context(clock, new EddyConf(false));
    write(dir.resolve("old.txt"), "old", 5_000);          // before the context started: ignored
    write(dir.resolve("a.txt"), "a1\na2", 10_500);        // batch 11000
    write(dir.resolve("b.txt"), "b1", 11_000);            // batch 11000 (its end is inclusive)
    write(dir.resolve("c.txt"), "c1", 11_700);            // batch 12000
    write(dir.resolve(".hidden.txt"), "h", 11_700);       // hidden: ignored
    write(dir.resolve("later.txt"), "l1", 20_000);        // batch 20000
    Files.createDirectory(dir.resolve("sub"));
    RecordingListener listener = new RecordingListener();
    ssc.addStreamingListener(listener);
    DStream<String> lines = ssc.textFileStream(dir.toString());
    Map<Time, List<String>> batches = new ConcurrentHashMap<>();
    lines.foreachRDD((rdd, time) -> batches.put(time, rdd.collect().stream().sorted().toList()));
    ssc.start();
    clock.advance(2000);
    ssc.awaitBatches(2);
    assertEquals(List.of("a1", "a2", "b1"), batches.get(new Time(11_000)));
    assertEquals(List.of("c1"), batches.get(new Time(12_000)));
    Map<String, Object> metadata = listener.ofType(BatchCompleted.class).get(1).batchInfo()
        .streamIdToInputInfo().get(lines.id()).metadata();
    assertEquals(List.of(dir.resolve("c.txt").toString()), metadata.get(FileInputDStream.METADATA_KEY_FILES));

    clock.advance(8000);
    ssc.awaitBatches(10);
    assertEquals(List.of("l1"), batches.get(new Time(20_000)));
    assertEquals(List.of("a1", "a2", "b1", "c1", "l1"), inOrder(batches));
  }

  private static void write(Path file, String text, long modifiedMillis) throws IOException {
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
  }

  @Test
  void unionOfStreamsHoldsEachBatchOfAll() {
    ManualClock clock = new ManualClock();
    StreamingContext ssc = context(clock, new EddyConf(false));
    EddyContext sc = ssc.sparkContext();
    Queue<RDD<Integer>> q1 = new ConcurrentLinkedQueue<>(List.of(sc.parallelize(List.of(1, 2)), sc.parallelize(List.of(3))));
    Queue<RDD<Integer>> q2 = new ConcurrentLinkedQueue<>(List.of(sc.parallelize(List.of(10))));
    Map<Time, List<Integer>> batches = new ConcurrentHashMap<>();
    ssc.union(List.of(ssc.queueStream(q1), ssc.queueStream(q2)))
        .foreachRDD((rdd, time) -> batches.put(time, rdd.collect()));
    ssc.start();
    clock.advance(2000);
    ssc.awaitBatches(2);
    assertEquals(Map.of(new Time(1000), List.of(1, 2, 10), new Time(2000), List.of(3)), batches);
  }
}
