package dev.eddy.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.streaming.ReceiverTestSupport.CountingReceiver;
import dev.eddy.streaming.StreamingTestSupport.RecordingListener;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.scheduler.BatchCompleted;
import dev.eddy.streaming.scheduler.BatchInfo;
import dev.eddy.util.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackpressureTest {
  private static final long INTERVAL = 100;
  private static final long MILLIS_PER_RECORD = 2;

  private final EddyContext sc = new EddyContext(new EddyConf(false)
      .setMaster("local[2]")
      .set("spark.streaming.backpressure.enabled", "true")
      .set("spark.streaming.backpressure.initialRate", "1000")
      .set("eddy.streaming.blockInterval", "20ms"));
  private final ManualClock clock = new ManualClock();
  private final StreamingContext ssc = new StreamingContext(sc, Durations.milliseconds(INTERVAL), clock);

  @AfterEach
  void stop() {
    ssc.stop();
    sc.stop();
  }

  @Test
  void theRateLimitFallsUntilABatchIsProcessedWithinTheInterval() {
    // the receiver could store far more than the 1000/s it starts at; each record costs 2 ms to
    // process, so at most ~500 records/s can be processed and a 100 ms batch holds ~50 of them
    CountingReceiver receiver = new CountingReceiver(Integer.MAX_VALUE);
    DStream<Integer> stream = ssc.receiverStream(receiver);
    stream.foreachRDD(rdd -> Thread.sleep(MILLIS_PER_RECORD * rdd.count()));
    RecordingListener listener = new RecordingListener();
    ssc.addStreamingListener(listener);
    ssc.start();
    var supervisor = ssc.receiverTracker().supervisor(stream.id()).orElseThrow();
    var controller = ssc.receiverTracker().rateController(stream.id()).orElseThrow();
    assertEquals(1000, supervisor.rateLimit());

    List<Long> limits = new ArrayList<>();
    for (int k = 1; k <= 15; k++) {
      clock.advance(INTERVAL);
      ssc.awaitBatches(k); // the rate controller has seen batch k when this returns
      limits.add(supervisor.rateLimit());
    }

    long last = limits.get(limits.size() - 1);
    assertEquals(controller.latestRate(), last, "the receiver runs at the controller's rate");
    assertTrue(last >= 100, "never below minRate: " + limits);
    // at the initial rate a batch (~100 records, 2 ms each) took longer than its interval...
    List<BatchInfo> batches = listener.ofType(BatchCompleted.class).stream().map(BatchCompleted::batchInfo).toList();
    assertTrue(batches.subList(0, 5).stream().anyMatch(b -> b.processingDelay().orElseThrow() > INTERVAL),
        "processing at the initial rate did not exceed the interval");
    // ...and at the final limit a batch holds last/10 records, which take about the interval
    assertTrue((last * INTERVAL / 1000) * MILLIS_PER_RECORD <= INTERVAL * 11 / 10, "limits " + limits);
  }
}
