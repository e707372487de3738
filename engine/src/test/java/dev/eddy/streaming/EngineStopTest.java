package dev.eddy.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.streaming.StreamingTestSupport.RecordingListener;
import dev.eddy.streaming.scheduler.StreamingStopped;
import dev.eddy.util.ManualClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stopping the EddyContext stops the streaming contexts running on it first. */
class EngineStopTest {
  private final EddyContext sc = new EddyContext("local[2]", "engine-stop-test");

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void stoppingTheEngineStopsItsRunningStreamsFirst() {
    StreamingContext running = StreamingContext.manual(sc, Durations.seconds(1));
    StreamingContext stopped = StreamingContext.manual(sc, Durations.seconds(1));
    List<Long> counts = new CopyOnWriteArrayList<>();
    running.textGeneratorStream(3).count().foreachRDD(rdd -> counts.addAll(rdd.collect()));
    stopped.textGeneratorStream(1).print();
    RecordingListener listener = new RecordingListener();
    running.addStreamingListener(listener);
    running.start();
    stopped.start();
    stopped.stop();
    running.runBatches(2);
    assertTrue(ActiveContexts.list().contains(running));

    sc.stop();
    assertEquals(StreamingContextState.STOPPED, running.getState());
    assertFalse(ActiveContexts.list().contains(running));
    assertEquals(1, listener.ofType(StreamingStopped.class).size());
    assertTrue(running.awaitTerminationOrTimeout(0), "awaitTermination returns");
    ((ManualClock) running.clock()).advance(5_000);
    assertEquals(List.of(3L, 3L), counts, "no batch after the stop");
    IllegalStateException e = assertThrows(IllegalStateException.class, running::start);
    assertTrue(e.getMessage().contains("EddyContext"), e.getMessage());
  }

  @Test
  void aStoppedStreamingContextNoLongerHooksTheEngine() {
    StreamingContext ssc = StreamingContext.manual(sc, Durations.seconds(1));
    RecordingListener listener = new RecordingListener();
    ssc.addStreamingListener(listener);
    ssc.textGeneratorStream(1).print();
    ssc.start();
    ssc.stop();
    sc.stop();
    assertEquals(1, listener.ofType(StreamingStopped.class).size(), "stopped once, not again by the engine");
  }
}
