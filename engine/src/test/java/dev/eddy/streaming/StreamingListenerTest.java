package dev.eddy.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.StreamingTestSupport.RecordingListener;
import dev.eddy.streaming.scheduler.BatchCompleted;
import dev.eddy.streaming.scheduler.BatchInfo;
import dev.eddy.streaming.scheduler.BatchStarted;
import dev.eddy.streaming.scheduler.BatchSubmitted;
import dev.eddy.streaming.scheduler.StreamInputInfo;
import dev.eddy.streaming.scheduler.StreamingListener;
import dev.eddy.streaming.scheduler.StreamingStarted;
import dev.eddy.streaming.scheduler.StreamingStopped;
import dev.eddy.util.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingListenerTest {
  private final EddyContext sc = new EddyContext("local[2]", "listener-test");
  private final ManualClock clock = new ManualClock();
  private final StreamingContext ssc = new StreamingContext(sc, Durations.milliseconds(500), clock);

  @AfterEach
  void stop() {
    ssc.stop();
    sc.stop();
  }

  @Test
  void eachBatchIsSubmittedStartedAndCompletedInOrder() {
    Queue<RDD<Integer>> queue = new ConcurrentLinkedQueue<>();
    queue.add(sc.parallelize(List.of(1, 2, 3)));
    queue.add(sc.parallelize(List.of(4)).map(x -> x * 2));
    RecordingListener listener = new RecordingListener();
    ssc.addStreamingListener(listener);
    DStream<Integer> input = ssc.queueStream(queue);
    input.foreachRDD(rdd -> rdd.count());
    ssc.start();
    assertEquals(List.of(Thread.currentThread().getName()), listener.syncThreads);
    clock.advance(1500);
    ssc.awaitBatches(3);
    ssc.stop();

    List<Object> events = listener.events;
    assertInstanceOf(StreamingStarted.class, events.get(0));
    assertInstanceOf(StreamingStopped.class, events.get(events.size() - 1));
    assertEquals(Thread.currentThread().getName(), listener.syncThreads.get(1), "stopped on the caller's thread");
    // batches may overlap (batch 2 is submitted while batch 1 runs), but each batch's own events are in order
    long[] expectedRecords = {3, 1, 0};
    List<Time> completedOrder = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      Time time = new Time(500L * (b + 1));
      int submittedAt = indexOf(events, BatchSubmitted.class, time);
      int startedAt = indexOf(events, BatchStarted.class, time);
      int completedAt = indexOf(events, BatchCompleted.class, time);
      assertTrue(submittedAt < startedAt && startedAt < completedAt, events.toString());
      BatchInfo submitted = ((BatchSubmitted) events.get(submittedAt)).batchInfo();
      BatchInfo started = ((BatchStarted) events.get(startedAt)).batchInfo();
      BatchInfo completed = ((BatchCompleted) events.get(completedAt)).batchInfo();
      for (BatchInfo info : List.of(submitted, started, completed)) {
        assertEquals(expectedRecords[b], info.numRecords(), "records of batch " + time);
        assertEquals(
            Map.of(input.id(), StreamInputInfo.of(input.id(), expectedRecords[b])), info.streamIdToInputInfo());
        assertEquals(submitted.submissionTime(), info.submissionTime());
      }
      assertTrue(submitted.processingStartTime().isEmpty());
      assertTrue(started.processingStartTime().isPresent() && started.processingEndTime().isEmpty());
      assertTrue(completed.succeeded(), completed.toString());
      assertTrue(completed.schedulingDelay().orElseThrow() >= 0);
      assertTrue(completed.processingDelay().orElseThrow() >= 0);
      assertEquals(
          completed.totalDelay().orElseThrow(),
          completed.schedulingDelay().orElseThrow() + completed.processingDelay().orElseThrow());
    }
    listener.ofType(BatchCompleted.class).forEach(c -> completedOrder.add(c.batchInfo().batchTime()));
    assertEquals(List.of(new Time(500), new Time(1000), new Time(1500)), completedOrder);
    assertEquals(3 * 3 + 2, events.size(), events.toString());
  }

  private static int indexOf(List<Object> events, Class<?> type, Time time) {
    for (int i = 0; i < events.size(); i++) {
      Object e = events.get(i);
      BatchInfo info = e instanceof BatchSubmitted s ? s.batchInfo()
          : e instanceof BatchStarted s ? s.batchInfo()
          : e instanceof BatchCompleted c ? c.batchInfo() : null;
      if (type.isInstance(e) && info.batchTime().equals(time)) {
        return i;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " for " + time + " in " + events);
  }

  @Test
  void aFailingBatchIsReportedAndTheNextBatchStillRuns() {
    Queue<RDD<Integer>> queue = new ConcurrentLinkedQueue<>();
    queue.add(sc.parallelize(List.of(1, 2)));
    queue.add(sc.parallelize(List.of(3, 4)));
    queue.add(sc.parallelize(List.of(5)));
    List<List<Integer>> outputs = new ArrayList<>();
    RecordingListener listener = new RecordingListener();
    ssc.addStreamingListener(listener);
    ssc.queueStream(queue).map(x -> {
      if (x == 4) {
        throw new IllegalArgumentException("four is not allowed");
      }
      return x;
    }).foreachRDD(rdd -> outputs.add(rdd.collect()));
    ssc.start();
    String stderr = StreamingTestSupport.capture(true, () -> {
      clock.advance(1500);
      ssc.awaitBatches(3);
    });

    assertEquals(List.of(List.of(1, 2), List.of(5)), outputs);
    List<BatchCompleted> completed = listener.ofType(BatchCompleted.class);
    assertEquals(3, completed.size());
    assertTrue(completed.get(0).batchInfo().succeeded());
    String reason = completed.get(1).batchInfo().failureReason().orElseThrow();
    assertTrue(reason.startsWith("foreachRDD at MappedDStream ["), reason);
    assertTrue(reason.contains("java.lang.IllegalArgumentException: four is not allowed"), reason);
    assertTrue(reason.contains("(at dev.eddy.streaming.StreamingListenerTest"), reason);
    assertTrue(completed.get(2).batchInfo().succeeded());
    assertTrue(stderr.contains("batch 1000 ms") && stderr.contains("four is not allowed"), stderr);
  }

  @Test
  void aThrowingListenerKeepsReceivingAndOthersStillHear() {
    AtomicInteger throwingCalls = new AtomicInteger();
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchCompleted event) {
        throwingCalls.incrementAndGet();
        throw new IllegalStateException("listener bug");
      }
    });
    RecordingListener healthy = new RecordingListener();
    ssc.addStreamingListener(healthy);
    ssc.queueStream(new ConcurrentLinkedQueue<RDD<Integer>>()).foreachRDD(rdd -> {});
    ssc.start();
    String stderr = StreamingTestSupport.capture(true, () -> {
      clock.advance(1000);
      ssc.awaitBatches(2);
    });
    assertEquals(2, throwingCalls.get());
    assertEquals(2, healthy.ofType(BatchCompleted.class).size());
    assertTrue(stderr.contains("listener bug"), stderr);
    assertFalse(ssc.awaitTerminationOrTimeout(0));
  }
}
