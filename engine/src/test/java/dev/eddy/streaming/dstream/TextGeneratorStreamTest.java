package dev.eddy.streaming.dstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.scheduler.BatchCompleted;
import dev.eddy.streaming.scheduler.StreamingListener;
import dev.eddy.streaming.util.TextGenerator;
import dev.eddy.util.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextGeneratorStreamTest {
  private final EddyContext sc = new EddyContext("local[2]", "generator-test");

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void batchesAreTheLinesTheGeneratorRecomputes() {
    List<List<String>> batches = run(7, 3, 99L);
    assertEquals(3, batches.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(TextGenerator.lines(99L, i, 7), batches.get(i), "batch " + i);
    }
    assertNotEquals(batches.get(0), batches.get(1));
    for (String line : batches.get(0)) {
      String[] words = line.split(" ");
      assertEquals(10, words.length, line);
      for (String w : words) {
        assertTrue(TextGenerator.VOCABULARY.contains(w), w);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameStreamInAnotherContext() {
    assertEquals(run(4, 2, 5L), run(4, 2, 5L));
    assertNotEquals(run(4, 1, 5L), run(4, 1, 6L));
    assertEquals(100, TextGenerator.VOCABULARY.size());
    assertEquals(100, TextGenerator.VOCABULARY.stream().distinct().count());
  }

  @Test
  void batchesReportTheirLineCountAsRecords() {
    ManualClock clock = new ManualClock(250);
    StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);
    List<Long> records = new CopyOnWriteArrayList<>();
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchCompleted event) {
        records.add(event.batchInfo().numRecords());
      }
    });
    List<List<String>> lines = new ArrayList<>();
    ssc.textGeneratorStream(6).foreachRDD(rdd -> lines.add(rdd.collect()));
    ssc.start();
    clock.advance(1750);
    ssc.awaitBatches(2);
    ssc.stop();
    assertEquals(List.of(6L, 6L), records);
    assertEquals(TextGenerator.lines(42L, 0, 6), lines.get(0), "default seed 42, first batch index 0");
  }

  private List<List<String>> run(int linesPerBatch, int batches, long seed) {
    ManualClock clock = new ManualClock();
    StreamingContext ssc = new StreamingContext(sc, Durations.seconds(2), clock);
    List<List<String>> out = new ArrayList<>();
    ssc.textGeneratorStream(linesPerBatch, seed).foreachRDD(rdd -> out.add(rdd.collect()));
    ssc.start();
    clock.advance(2000L * batches);
    ssc.awaitBatches(batches);
    ssc.stop();
    return out;
  }
}
