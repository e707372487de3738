package dev.eddy.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.StreamingTestSupport.RecordingListener;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.util.ManualClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingContextTest {
  private final EddyContext sc = new EddyContext("local[2]", "streaming-test");
  private final ManualClock clock = new ManualClock();
  private final StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);

  @AfterEach
  void stop() {
    ssc.stop();
    sc.stop();
  }

  @Test
  void wordCountOverAQueueStreamBatchByBatch() {
    Queue<RDD<String>> queue = new ConcurrentLinkedQueue<>();
    queue.add(sc.parallelize(List.of("a b a", "c"), 2));
    queue.add(sc.parallelize(List.of("b b"), 2));
    queue.add(sc.parallelize(List.of("c a", "a"), 3));
    Map<Time, Map<String, Integer>> results = new ConcurrentHashMap<>();
    ssc.queueStream(queue)
        .flatMap(l -> Arrays.asList(l.split(" ")).iterator())
        .mapToPair(w -> new Tuple2<>(w, 1))
        .reduceByKey(Integer::sum)
        .foreachRDD((rdd, time) -> results.put(time, new HashMap<>(PairRDD.fromRDD(rdd).collectAsMap())));
    ssc.start();

    List<Map<String, Integer>> expected = List.of(
        Map.of("a", 2, "b", 1, "c", 1), Map.of("b", 2), Map.of("a", 2, "c", 1), Map.of());
    for (int k = 1; k <= 4; k++) {
      clock.advance(1000);
      ssc.awaitBatches(k);
      assertEquals(expected.get(k - 1), results.get(new Time(k * 1000L)), "batch " + k);
    }
    assertEquals(4, results.size());
  }

  @Test
  void countGivesZeroForEmptyBatches() {
    Queue<RDD<Integer>> queue = new ArrayDeque<>();
    queue.add(sc.parallelize(List.of(1, 2, 3), 2));
    List<List<Long>> counts = new ArrayList<>();
    ssc.queueStream(queue).count().foreachRDD(rdd -> counts.add(rdd.collect()));
    ssc.start();
    clock.advance(3000);
    ssc.awaitBatches(3);
    assertEquals(List.of(List.of(3L), List.of(0L), List.of(0L)), counts);
  }

  @Test
  void queueStreamCanTakeEverythingQueued() {
    Queue<RDD<Integer>> queue = new ArrayDeque<>();
    queue.add(sc.parallelize(List.of(1, 2)));
    queue.add(sc.parallelize(List.of(3)));
    List<List<Integer>> batches = new ArrayList<>();
    ssc.queueStream(queue, false).foreachRDD(rdd -> batches.add(rdd.collect()));
    ssc.start();
    clock.advance(2000);
    ssc.awaitBatches(2);
    assertEquals(List.of(List.of(1, 2, 3), List.of()), batches);
  }

  @Test
  void theFirstBatchIsTheFirstMultipleStrictlyAfterStart() {
    clock.setTime(1000);
    List<Time> times = new ArrayList<>();
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD((rdd, time) -> times.add(time));
    ssc.start();
    clock.setTime(2500);
    ssc.awaitBatches(1);
    assertEquals(List.of(new Time(2000)), times);
  }

  @Test
  void startWithoutOutputsFailsClearly() {
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).map(x -> x + 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ssc::start);
    assertTrue(e.getMessage().startsWith("No output operations registered, so nothing to execute"), e.getMessage());
    assertEquals(StreamingContextState.INITIALIZED, ssc.getState());
  }

  @Test
  void stopKeepsTheEddyContextAliveForANewStreamingContext() {
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).count().foreachRDD(rdd -> {});
    assertEquals(StreamingContextState.INITIALIZED, ssc.getState());
    ssc.start();
    assertEquals(StreamingContextState.ACTIVE, ssc.getState());
    clock.advance(1000);
    ssc.awaitBatches(1);
    ssc.stop();
    assertEquals(StreamingContextState.STOPPED, ssc.getState());
    assertFalse(sc.isStopped());
    assertTrue(ssc.awaitTerminationOrTimeout(0));

    StreamingContext next = new StreamingContext(sc, Durations.seconds(1), clock);
    Queue<RDD<Integer>> queue = new ArrayDeque<>(List.of(sc.parallelize(List.of(7, 8))));
    List<List<Integer>> seen = new ArrayList<>();
    next.queueStream(queue).foreachRDD(rdd -> seen.add(rdd.collect()));
    next.start();
    clock.advance(1000);
    next.awaitBatches(1);
    next.stop();
    assertEquals(List.of(List.of(7, 8)), seen);
  }

  @Test
  void stopCanStopTheEddyContextToo() {
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {});
    ssc.start();
    ssc.stop(true);
    assertTrue(sc.isStopped());
    IllegalStateException e = assertThrows(IllegalStateException.class, ssc::start);
    assertTrue(e.getMessage().contains("EddyContext of this StreamingContext was stopped"), e.getMessage());
    assertFalse(ActiveContexts.started().contains(ssc));
  }

  @Test
  void streamsCannotBeAddedAfterStart() {
    DStream<Integer> stream = ssc.queueStream(new ArrayDeque<RDD<Integer>>());
    stream.foreachRDD(rdd -> {});
    ssc.start();
    assertThrows(IllegalStateException.class, () -> stream.map(x -> x));
    assertThrows(IllegalStateException.class, stream::print);
  }

  @Test
  void awaitBatchesIsInterruptibleAndCanTimeOut() {
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {});
    assertThrows(IllegalStateException.class, () -> ssc.awaitBatches(1), "not started");
    ssc.start();
    assertFalse(ssc.awaitBatches(1, 20));
    Thread.currentThread().interrupt();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ssc.awaitBatches(1));
    assertTrue(Thread.interrupted(), "the interrupt flag is restored");
    assertTrue(e.getMessage().contains("interrupted while waiting for batches"), e.getMessage());
    clock.advance(1000);
    ssc.awaitBatches(1);
    assertTrue(ssc.awaitBatches(1, 0), "already done: returns at once");
    assertFalse(ssc.awaitTerminationOrTimeout(0));
  }

  @Test
  void awaitBatchesFailsWhenTheContextStopsFirst() throws Exception {
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {});
    ssc.start();
    Thread stopper = new Thread(() -> ssc.stop());
    stopper.start();
    assertThrows(IllegalStateException.class, () -> ssc.awaitBatches(5));
    stopper.join();
    ssc.awaitTermination();
  }

  @Test
  void activeContextsListsRunningContextsAndTellsGlobalListeners() {
    RecordingListener global = new RecordingListener();
    ActiveContexts.addListener(global);
    try {
      ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {});
      assertFalse(ActiveContexts.list().contains(ssc));
      ssc.start();
      assertEquals(List.of(Thread.currentThread().getName()), global.syncThreads, "started on the caller's thread");
      assertTrue(ActiveContexts.list().contains(ssc));
      clock.advance(1000);
      ssc.awaitBatches(1);
      assertEquals(1, global.ofType(dev.eddy.streaming.scheduler.BatchCompleted.class).size());
      ActiveContexts.stopAll();
      assertEquals(StreamingContextState.STOPPED, ssc.getState());
      assertFalse(ActiveContexts.list().contains(ssc));
      assertFalse(sc.isStopped());
    } finally {
      ActiveContexts.removeListener(global);
    }
  }

  @Test
  void aFailedBatchIsPrintedToStderrUnlessTurnedOff() {
    for (boolean print : new boolean[] {true, false}) {
      EddyContext quiet = new EddyContext(new EddyConf(false).setMaster("local[2]").setAppName("failures")
          .set(EddyConf.STREAMING_FAILURES_STDERR.name(), String.valueOf(print)));
      try {
        StreamingContext failing = new StreamingContext(quiet, Durations.seconds(1), clock);
        failing.textGeneratorStream(1).foreachRDD(rdd -> {
          throw new IllegalStateException("boom");
        });
        String err = StreamingTestSupport.capture(true, () -> {
          failing.start();
          clock.advance(1000);
          failing.awaitBatches(1);
          failing.stop();
        });
        assertEquals(print, err.contains("java.lang.IllegalStateException: boom"), err);
        assertTrue(failing.lastCompletedBatch().orElseThrow().failureReason().orElseThrow().contains("boom"));
      } finally {
        quiet.stop();
      }
    }
  }
}
