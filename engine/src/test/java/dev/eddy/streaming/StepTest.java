package dev.eddy.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.scheduler.BatchCompleted;
import dev.eddy.streaming.scheduler.BatchInfo;
import dev.eddy.streaming.scheduler.StreamingListener;
import dev.eddy.util.ManualClock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code step()} and {@code runBatches(n)}: batches run synchronously on a manual clock. */
class StepTest {
  private final EddyContext sc = new EddyContext("local[2]", "step-test");
  private final StreamingContext ssc = StreamingContext.manual(sc, Durations.milliseconds(500));
  private final List<Time> completed = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    ssc.stop();
    sc.stop();
  }

  private void recordBatches() {
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchCompleted event) {
        completed.add(event.batchInfo().batchTime());
      }
    });
  }

  @Test
  void stepRunsExactlyOneBatchAndReturnsOnceItWasDelivered() {
    recordBatches();
    List<Long> counts = new CopyOnWriteArrayList<>();
    ssc.textGeneratorStream(4).count().foreachRDD(rdd -> counts.addAll(rdd.collect()));
    ssc.start();
    BatchInfo first = ssc.step();
    assertEquals(new Time(500), first.batchTime());
    assertEquals(List.of(new Time(500)), completed, "delivered before step() returned");
    assertEquals(List.of(4L), counts);
    assertEquals(4, first.numRecords());
    BatchInfo second = ssc.step();
    assertEquals(new Time(1000), second.batchTime());
    assertEquals(2, ssc.completedBatches());
  }

  @Test
  void runBatchesRunsExactlyN() {
    recordBatches();
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {});
    ssc.start();
    BatchInfo last = ssc.runBatches(5);
    assertEquals(new Time(2500), last.batchTime());
    assertEquals(List.of(new Time(500), new Time(1000), new Time(1500), new Time(2000), new Time(2500)), completed);
    assertEquals(2500, ssc.clock().getTimeMillis());
    ssc.runBatches(2);
    assertEquals(7, completed.size());
  }

  @Test
  void stepFromAClockBetweenBatchTimesGoesToTheNextOne() {
    recordBatches();
    ManualClock clock = (ManualClock) ssc.clock();
    clock.setTime(120);
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {});
    ssc.start();
    assertEquals(new Time(500), ssc.step().batchTime());
    clock.advance(300);
    assertEquals(new Time(1000), ssc.step().batchTime());
    assertEquals(2, completed.size());
  }

  @Test
  void aFailedBatchStillCountsAsRun() {
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {
      throw new IllegalStateException("boom");
    });
    ssc.start();
    String stderr = StreamingTestSupport.capture(true, ssc::step);
    BatchInfo info = ssc.lastCompletedBatch().orElseThrow();
    assertTrue(stderr.contains("boom"), stderr);
    assertTrue(info.failureReason().orElseThrow().contains("boom"), info.toString());
  }

  @Test
  void steppingWorksAcrossARestart() {
    recordBatches();
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {});
    ssc.start();
    ssc.runBatches(2);
    ssc.stop();
    ssc.start();
    assertEquals(new Time(1500), ssc.step().batchTime());
    assertEquals(1, ssc.completedBatches());
  }

  @Test
  void misuseFailsClearly() {
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {});
    IllegalStateException notStarted = assertThrows(IllegalStateException.class, ssc::step);
    assertTrue(notStarted.getMessage().contains("call start() before step()"), notStarted.getMessage());
    ssc.start();
    assertThrows(IllegalArgumentException.class, () -> ssc.runBatches(0));

    StreamingContext wallClock = new StreamingContext(sc, Durations.seconds(1));
    wallClock.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {});
    IllegalStateException system = assertThrows(IllegalStateException.class, wallClock::step);
    assertTrue(system.getMessage().contains("StreamingContext.manual(sc, batchDuration)"), system.getMessage());
  }
}
