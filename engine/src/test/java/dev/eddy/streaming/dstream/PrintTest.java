package dev.eddy.streaming.dstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.scheduler.OutputRows;
import dev.eddy.streaming.scheduler.StreamingListener;
import dev.eddy.util.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PrintTest {
  private static final String DASHES = "-------------------------------------------";

  @Test
  void printWritesSparksFormatAndPublishesRows() {
    EddyContext sc = new EddyContext("local[2]", "print-test");
    List<OutputRows> rows = new CopyOnWriteArrayList<>();
    String out = captureStdout(() -> runTwoBatches(sc, rows, stream -> stream.print(2)));
    String nl = System.lineSeparator();
    String expected = DASHES + nl + "Time: 1000 ms" + nl + DASHES + nl + "a" + nl + null + nl + "..." + nl + nl
        + DASHES + nl + "Time: 2000 ms" + nl + DASHES + nl + nl;
    assertEquals(expected, out);

    assertEquals(2, rows.size());
    OutputRows first = rows.get(0);
    assertEquals(new Time(1000), first.batchTime());
    assertEquals(0, first.outputOpId());
    assertEquals(Arrays.asList("a", null), first.rows());
    assertTrue(first.hasMore());
    assertTrue(first.description().matches("print at QueueInputDStream \\[\\d+]"), first.description());
    assertEquals(List.of(), rows.get(1).rows());
    assertFalse(rows.get(1).hasMore());
  }

  @Test
  void printOfPairsShowsTuplesAndDefaultsToTenRows() {
    EddyContext sc = new EddyContext("local[2]", "print-test");
    List<OutputRows> rows = new CopyOnWriteArrayList<>();
    String out = captureStdout(() -> runTwoBatches(
        sc, rows, stream -> stream.mapToPair(s -> new Tuple2<>(s, 1)).reduceByKey(Integer::sum, 1).print()));
    assertTrue(out.contains("(a,1)" + System.lineSeparator()), out);
    assertFalse(out.contains("..."), out);
    assertEquals(3, rows.get(0).rows().size());
    assertFalse(rows.get(0).hasMore());
    assertTrue(rows.get(0).description().matches("print at ShuffledDStream \\[\\d+]"), rows.get(0).description());
  }

  @Test
  void printCanBeKeptOffStdout() {
    EddyContext sc = new EddyContext(
        new EddyConf(false).setMaster("local[2]").set(EddyConf.STREAMING_PRINT_STDOUT.name(), "false"));
    List<OutputRows> rows = new CopyOnWriteArrayList<>();
    String out = captureStdout(() -> runTwoBatches(sc, rows, stream -> stream.print(2)));
    assertEquals("", out);
    assertEquals(2, rows.size());
  }

  private static void runTwoBatches(
      EddyContext sc, List<OutputRows> rows, java.util.function.Consumer<DStream<String>> output) {
    ManualClock clock = new ManualClock();
    StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);
    try {
      ssc.addStreamingListener(new StreamingListener() {
        @Override
        public void onOutputRows(OutputRows event) {
          rows.add(event);
        }
      });
      Queue<RDD<String>> queue = new ArrayDeque<>();
      queue.add(sc.parallelize(Arrays.asList("a", null, "c"), 2));
      output.accept(ssc.queueStream(queue));
      ssc.start();
      clock.advance(2000);
      ssc.awaitBatches(2);
    } finally {
      ssc.stop(true);
    }
  }

  private static String captureStdout(Runnable body) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
