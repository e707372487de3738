package dev.eddy.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.scheduler.BatchCompleted;
import dev.eddy.streaming.scheduler.StreamingListener;
import dev.eddy.util.ManualClock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stopping a context and starting it again, as a notebook does when a cell is run again. */
class StreamingRestartTest {
  private final EddyContext sc = new EddyContext("local[2]", "restart-test");
  private final ManualClock clock = new ManualClock();
  private final StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);

  @AfterEach
  void stop() {
    ssc.stop();
    sc.stop();
  }

  @Test
  void outputsDefinedAfterAStopReplaceThePreviousRunsOutputs() {
    List<String> seen = new CopyOnWriteArrayList<>();
    DStream<String> lines = ssc.textGeneratorStream(3);
    lines.count().foreachRDD(rdd -> seen.add("first:" + rdd.collect()));
    ssc.start();
    clock.advance(1000);
    ssc.awaitBatches(1);
    ssc.stop();
    assertEquals(List.of("first:[3]"), seen);

    lines.map(String::length).count().foreachRDD(rdd -> seen.add("second:" + rdd.collect()));
    assertEquals(0, ssc.graph().outputStreams().get(0).outputOpId(), "a new run numbers its outputs from 0");
    assertEquals(1, ssc.graph().outputStreams().size());
    ssc.start();
    assertEquals(StreamingContextState.ACTIVE, ssc.getState());
    assertEquals(0, ssc.completedBatches(), "batch counts begin again");
    clock.advance(1000);
    ssc.awaitBatches(1);
    clock.advance(1000);
    ssc.awaitBatches(2);
    assertEquals(List.of("first:[3]", "second:[3]", "second:[3]"), seen);
  }

  @Test
  void startWithNothingNewRerunsThePreviousOutputs() {
    Queue<RDD<Integer>> queue = new ConcurrentLinkedQueue<>();
    List<List<Integer>> seen = new CopyOnWriteArrayList<>();
    ssc.queueStream(queue).map(x -> x * 10).foreachRDD(rdd -> seen.add(rdd.collect()));
    queue.add(sc.parallelize(List.of(1, 2)));
    ssc.start();
    clock.advance(1000);
    ssc.awaitBatches(1);
    ssc.stop();

    queue.add(sc.parallelize(List.of(3)));
    ssc.start();
    clock.advance(1000);
    ssc.awaitBatches(1);
    ssc.stop();
    assertEquals(List.of(List.of(10, 20), List.of(30)), seen);
  }

  @Test
  void eachRunStartsItsInputsAfresh() {
    List<List<String>> seen = new CopyOnWriteArrayList<>();
    ssc.textGeneratorStream(2, 7).foreachRDD(rdd -> seen.add(rdd.collect()));
    ssc.start();
    clock.advance(1000);
    ssc.awaitBatches(1);
    clock.advance(1000);
    ssc.awaitBatches(2);
    ssc.stop();
    ssc.start();
    clock.advance(1000);
    ssc.awaitBatches(1);
    assertEquals(3, seen.size());
    assertEquals(dev.eddy.streaming.util.TextGenerator.lines(7, 0, 2), seen.get(2), "batch index 0 again");
    assertFalse(seen.get(1).equals(seen.get(2)));
  }

  @Test
  void inputStreamsThatNoOutputReachesAreNotStarted() {
    Queue<RDD<Integer>> unused = new ArrayDeque<>(List.of(sc.parallelize(List.of(1))));
    ssc.queueStream(unused);
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {});
    ssc.start();
    clock.advance(1000);
    ssc.awaitBatches(1);
    assertEquals(1, unused.size(), "the unreachable queue was never read");
    assertEquals(1, ssc.graph().runningInputStreams().size());
    assertEquals(1, ssc.lastCompletedBatch().orElseThrow().streamIdToInputInfo().size());
  }

  @Test
  void inputsOfAReplacedRunAreDroppedAtTheNextStart() {
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {});
    ssc.start();
    ssc.stop();
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {});
    assertEquals(2, ssc.graph().inputStreams().size());
    ssc.start();
    assertEquals(1, ssc.graph().inputStreams().size());
  }

  @Test
  void streamsForgetTheLastRunsBatches() {
    var lines = (dev.eddy.streaming.dstream.internal.InputDStream<String>) ssc.textGeneratorStream(1);
    lines.foreachRDD(rdd -> {});
    ssc.start();
    Time never = new Time(5000);
    RDD<String> remembered = lines.getOrCompute(never).orElseThrow();
    assertTrue(remembered == lines.getOrCompute(never).orElseThrow(), "remembered while the run lasts");
    assertTrue(lines.inputInfo(never).isPresent());
    ssc.stop();
    assertTrue(lines.inputInfo(never).isEmpty(), "input infos forgotten at stop");
    assertTrue(remembered != lines.getOrCompute(never).orElseThrow(), "RDDs forgotten at stop");
  }

  @Test
  void awaitTerminationWaitsForTheCurrentRun() {
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {});
    ssc.start();
    ssc.stop();
    assertTrue(ssc.awaitTerminationOrTimeout(0));
    ssc.start();
    assertFalse(ssc.awaitTerminationOrTimeout(0), "the new run is not over");
    ssc.stop();
    assertTrue(ssc.awaitTerminationOrTimeout(0));
  }

  @Test
  void listenersHearEveryRunAndActiveContextsListsTheContextOnce() {
    List<Object> events = new CopyOnWriteArrayList<>();
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchCompleted event) {
        events.add(event.batchInfo().batchTime());
      }
    });
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> {});
    ssc.start();
    clock.advance(1000);
    ssc.awaitBatches(1);
    ssc.stop();
    assertTrue(ActiveContexts.started().contains(ssc));
    assertFalse(ActiveContexts.list().contains(ssc));
    ssc.start();
    clock.advance(1000);
    ssc.awaitBatches(1);
    assertEquals(List.of(new Time(1000), new Time(2000)), events);
    assertEquals(1, ActiveContexts.started().stream().filter(c -> c == ssc).count());
    assertTrue(ActiveContexts.list().contains(ssc));
  }

  @Test
  void aGracefulStopRunsTheBatchesAlreadyCutThenTheContextRestarts() {
    List<Time> ran = new CopyOnWriteArrayList<>();
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD((rdd, time) -> ran.add(time));
    ssc.start();
    clock.advance(1000);
    ssc.awaitBatches(1);
    ssc.stop(false, true);
    assertEquals(List.of(new Time(1000)), ran);
    ssc.start();
    clock.advance(1000);
    ssc.awaitBatches(1);
    assertEquals(List.of(new Time(1000), new Time(2000)), ran);
  }

  @Test
  void aStreamStoppedFromItsOwnBatchCanStartAgain() {
    List<Time> ran = new CopyOnWriteArrayList<>();
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD((rdd, time) -> {
      ran.add(time);
      ssc.stop();
    });
    ssc.start();
    clock.advance(1000);
    ssc.awaitTermination();
    assertEquals(StreamingContextState.STOPPED, ssc.getState());
    ssc.start();
    clock.advance(1000);
    ssc.awaitTermination();
    assertEquals(List.of(new Time(1000), new Time(2000)), ran);
  }
}
