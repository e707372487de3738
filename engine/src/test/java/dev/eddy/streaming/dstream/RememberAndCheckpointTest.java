package dev.eddy.streaming.dstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.rdd.RDD;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContextState;
import dev.eddy.streaming.Time;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RememberAndCheckpointTest {
  private static final List<List<Integer>> BATCHES = WindowOperationsTest.randomBatches(10, 4, 50, 5);

  private final StreamHarness h = new StreamHarness("remember-test", 1000);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void aStreamForgetsEachRddWhenItsBatchEnds() {
    DStream<Integer> in = h.input(BATCHES);
    DStream<Integer> doubled = in.map(x -> 2 * x);
    h.collect(doubled);
    for (int k = 1; k <= 5; k++) {
      h.runBatches(1);
      // remembered for one slide: only the batch just done, which the next batch may still read
      assertEquals(List.of(new Time(k * 1000L)), in.rememberedBatchTimes(), "after batch " + k);
      assertEquals(List.of(new Time(k * 1000L)), doubled.rememberedBatchTimes());
    }
    assertEquals(Durations.seconds(1), in.rememberDuration());
  }

  @Test
  void aWindowsParentRemembersTheWindowAndUnpersistsWhatItForgets() {
    DStream<Integer> in = h.input(BATCHES);
    h.collect(in.window(Durations.seconds(3)));
    Map<Long, RDD<Integer>> rdds = new ConcurrentHashMap<>();
    in.foreachRDD((rdd, t) -> rdds.put(t.milliseconds(), rdd));
    h.runBatches(7);
    // the window's 1 s plus its 3 s length: batches after 7 s - 4 s
    assertEquals(times(4, 7), in.rememberedBatchTimes());
    assertEquals(Durations.seconds(4), in.rememberDuration());
    for (long k = 1; k <= 7; k++) {
      StorageLevel expected = k >= 4 ? StorageLevel.MEMORY_ONLY : StorageLevel.NONE;
      assertEquals(expected, rdds.get(k * 1000).getStorageLevel(), "batch " + k);
    }
  }

  @Test
  void sscRememberKeepsRddsLonger() {
    DStream<Integer> in = h.input(BATCHES);
    h.collect(in.map(x -> x + 1));
    h.ssc.remember(Durations.seconds(5));
    h.runBatches(8);
    assertEquals(times(4, 8), in.rememberedBatchTimes());
    assertEquals(BATCHES.subList(3, 8), in.slice(new Time(4000), new Time(8000)).stream().map(RDD::collect).toList());
    assertThrows(IllegalArgumentException.class, () -> h.ssc.remember(Durations.milliseconds(0)));
  }

  @Test
  void aStreamWithALongerSlideHasBatchesOnlyAtMultiplesOfIt() {
    DStream<Integer> in = h.input(BATCHES);
    DStream<Integer> windowed = in.window(Durations.seconds(3), Durations.seconds(3));
    Map<Long, List<Integer>> out = h.collect(windowed.map(x -> x));
    h.runBatches(7);
    assertEquals(Map.of(3000L, WindowOperationsTest.window(BATCHES, 3, 3), 6000L, WindowOperationsTest.window(BATCHES, 6, 3)),
        out);
    assertTrue(windowed.isTimeValid(new Time(6000)));
    assertFalse(windowed.isTimeValid(new Time(5000)));
    assertFalse(windowed.isTimeValid(new Time(0)));
  }

  @Test
  void checkpointingAStreamNeedsADirectory() {
    DStream<Integer> in = h.input(BATCHES);
    h.collect(in.map(x -> x).checkpoint(Durations.seconds(2)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h.ssc::start);
    assertTrue(e.getMessage().startsWith("The checkpoint directory has not been set. Please set it by StreamingContext.checkpoint()"),
        e.getMessage());
    assertEquals(StreamingContextState.INITIALIZED, h.ssc.getState());
    assertThrows(IllegalArgumentException.class, () -> in.checkpoint(Durations.milliseconds(0)));
  }

  @Test
  void aCheckpointIntervalMustBeAMultipleOfTheSlide(@TempDir Path dir) {
    h.ssc.checkpoint(dir.toString());
    h.collect(h.input(BATCHES).checkpoint(Durations.milliseconds(1500)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h.ssc::start);
    assertTrue(e.getMessage().contains("1500 ms which is not a multiple of its slide time (1000 ms)"), e.getMessage());
  }

  @Test
  void aCheckpointedStreamCheckpointsItsRddAtEveryInterval(@TempDir Path dir) {
    h.ssc.checkpoint(dir.toString());
    DStream<Integer> squares = h.input(BATCHES).map(x -> x * x).checkpoint(Durations.seconds(2));
    Map<Long, List<Integer>> out = h.collect(squares);
    Map<Long, Boolean> checkpointed = new ConcurrentHashMap<>();
    squares.foreachRDD((rdd, t) -> checkpointed.put(t.milliseconds(), rdd.isCheckpointed()));
    h.runBatches(6);
    for (long k = 1; k <= 6; k++) {
      assertEquals(k % 2 == 0, checkpointed.get(k * 1000), "batch " + k);
      assertEquals(BATCHES.get((int) k - 1).stream().map(x -> x * x).toList(), out.get(k * 1000));
    }
    assertEquals(StorageLevel.MEMORY_ONLY_SER, squares.storageLevel());
    // twice the checkpoint interval, as Spark
    assertEquals(Durations.seconds(4), squares.rememberDuration());
  }

  private static List<Time> times(long fromBatch, long toBatch) {
    List<Time> out = new ArrayList<>();
    LongStream.rangeClosed(fromBatch, toBatch).forEach(k -> out.add(new Time(k * 1000)));
    return out;
  }
}
