package dev.eddy.streaming.dstream;

import static dev.eddy.streaming.dstream.TransformationsTest.sortedCopy;
import static dev.eddy.streaming.dstream.TransformationsTest.toMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.Tuple2;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Durations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowOperationsTest {
  private final StreamHarness h = new StreamHarness("window-operations-test", 1000);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void aWindowHoldsTheLastBatchesAndSlidesOnlyAtMultiplesOfItsSlide() {
    List<List<Integer>> batches = randomBatches(8, 5, 20, 1);
    DStream<Integer> in = h.input(batches);
    Map<Long, List<Integer>> everyBatch = h.collect(in.window(Durations.seconds(3)));
    Map<Long, List<Integer>> everyOther = h.collect(in.window(Durations.seconds(4), Durations.seconds(2)));
    h.runBatches(8);
    assertEquals(8, everyBatch.size());
    for (int k = 1; k <= 8; k++) {
      assertEquals(window(batches, k, 3), everyBatch.get(k * 1000L), "window(3 s) at batch " + k);
    }
    assertEquals(Set.of(2000L, 4000L, 6000L, 8000L), everyOther.keySet());
    for (int k = 2; k <= 8; k += 2) {
      assertEquals(window(batches, k, 4), everyOther.get(k * 1000L), "window(4 s, 2 s) at batch " + k);
    }
  }

  @Test
  void windowAndSlideMustBeMultiplesOfTheParentsSlide() {
    DStream<Integer> in = h.input(List.of());
    IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
        () -> in.window(Durations.milliseconds(1500)));
    assertEquals("The window duration of windowed DStream (1500 ms) must be a multiple of the slide duration "
        + "of parent DStream (1000 ms)", window.getMessage());
    IllegalArgumentException slide = assertThrows(IllegalArgumentException.class,
        () -> in.window(Durations.seconds(2), Durations.milliseconds(500)));
    assertEquals("The slide duration of windowed DStream (500 ms) must be a multiple of the slide duration "
        + "of parent DStream (1000 ms)", slide.getMessage());
    DStream<Integer> slow = in.window(Durations.seconds(2), Durations.seconds(2));
    assertThrows(IllegalArgumentException.class, () -> slow.window(Durations.seconds(3)));
    PairDStream<Integer, Integer> pairs = in.mapToPair(x -> new Tuple2<>(x, x));
    assertThrows(IllegalArgumentException.class,
        () -> pairs.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, Durations.milliseconds(2500), Durations.seconds(1)));
    assertThrows(IllegalArgumentException.class,
        () -> pairs.groupByKeyAndWindow(Durations.seconds(2), Durations.milliseconds(1200)));
  }

  @Test
  void countsAndReductionsOverWindowsMatchTheRawBatches() {
    List<List<Integer>> batches = randomBatches(9, 6, 5, 2);
    DStream<Integer> in = h.input(batches);
    Duration w = Durations.seconds(3);
    Duration s = Durations.seconds(1);
    Map<Long, List<Long>> counts = h.collect(in.countByWindow(w, s));
    Map<Long, List<Integer>> sums = h.collect(in.reduceByWindow(Integer::sum, w, s));
    Map<Long, List<Integer>> inverseSums = h.collect(in.reduceByWindow(Integer::sum, (a, b) -> a - b, w, s));
    Map<Long, List<Tuple2<Integer, Long>>> valueCounts = h.collect(in.countByValueAndWindow(w, s));
    Map<Long, List<Tuple2<Integer, Iterable<Integer>>>> groups = h.collect(
        in.mapToPair(x -> new Tuple2<>(x % 3, x)).groupByKeyAndWindow(Durations.seconds(4), Durations.seconds(2)));
    h.runBatches(9);
    for (int k = 1; k <= 9; k++) {
      long t = k * 1000L;
      List<Integer> inWindow = window(batches, k, 3);
      assertEquals(List.of((long) inWindow.size()), counts.get(t), "countByWindow at " + k);
      int sum = inWindow.stream().mapToInt(x -> x).sum();
      assertEquals(inWindow.isEmpty() ? List.of() : List.of(sum), sums.get(t), "reduceByWindow at " + k);
      // the inverse form keeps its single key once seen, as Spark: an empty window sums to 0
      assertEquals(List.of(sum), inverseSums.get(t), "reduceByWindow with inverse at " + k);
      Map<Integer, Long> expectedCounts = new HashMap<>();
      inWindow.forEach(x -> expectedCounts.merge(x, 1L, Long::sum));
      assertEquals(expectedCounts, toMap(valueCounts.get(t)), "countByValueAndWindow at " + k);
      if (k % 2 == 0) {
        Map<Integer, List<Integer>> expectedGroups = new TreeMap<>();
        window(batches, k, 4).forEach(x -> expectedGroups.computeIfAbsent(x % 3, g -> new ArrayList<>()).add(x));
        expectedGroups.replaceAll((g, xs) -> sortedCopy(xs));
        Map<Integer, List<Integer>> actualGroups = new TreeMap<>();
        groups.get(t).forEach(p -> {
          List<Integer> xs = new ArrayList<>();
          p._2().forEach(xs::add);
          actualGroups.put(p._1(), sortedCopy(xs));
        });
        assertEquals(expectedGroups, actualGroups, "groupByKeyAndWindow at " + k);
      } else {
        assertFalse(groups.containsKey(t));
      }
    }
  }

  @Test
  void anInverseReduceWindowEqualsTheDirectOneOverFiftyRandomBatches() {
    runInverseAgainstDirect();
  }

  @Test
  void anInverseReduceWindowIsCheckpointedWhenADirectoryIsSet(@TempDir Path dir) {
    h.ssc.checkpoint(dir.toString());
    runInverseAgainstDirect();
  }

  private void runInverseAgainstDirect() {
    List<List<Integer>> batches = randomBatches(50, 8, 12, 3);
    PairDStream<String, Integer> pairs = h.input(batches).mapToPair(x -> new Tuple2<>("k" + (x % 7), x));
    Duration w = Durations.seconds(4);
    Duration s = Durations.seconds(2);
    Map<Long, List<Tuple2<String, Integer>>> direct = h.collect(pairs.reduceByKeyAndWindow(Integer::sum, w, s));
    PairDStream<String, Integer> inverse = pairs.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, w, s);
    Map<Long, List<Tuple2<String, Integer>>> inverseOut = h.collect(inverse);
    Map<Long, List<Tuple2<String, Integer>>> filtered = h.collect(pairs.reduceByKeyAndWindow(
        Integer::sum, (a, b) -> a - b, w, s, 3, kv -> kv._2() != 0));
    Map<Long, Boolean> checkpointed = new java.util.concurrent.ConcurrentHashMap<>();
    // written to files; without a checkpoint directory the windows are checkpointed locally instead
    inverse.foreachRDD((rdd, t) -> checkpointed.put(t.milliseconds(), rdd.getCheckpointFile().isPresent()));
    h.runBatches(50);
    assertEquals(25, direct.size());
    for (int k = 2; k <= 50; k += 2) {
      long t = k * 1000L;
      Map<String, Integer> expected = new HashMap<>();
      window(batches, k, 4).forEach(x -> expected.merge("k" + (x % 7), x, Integer::sum));
      assertEquals(expected, toMap(direct.get(t)), "direct window at " + k);
      assertEquals(expected, toMap(filtered.get(t)), "inverse window with filter at " + k);
      Map<String, Integer> nonZero = new HashMap<>(toMap(inverseOut.get(t)));
      nonZero.values().removeIf(v -> v == 0);
      assertEquals(expected, nonZero, "inverse window at " + k);
    }
    boolean expectCheckpoints = h.sc.getCheckpointDir().isPresent();
    // Spark's default interval: the smallest multiple of the slide of at least 10 s
    assertEquals(expectCheckpoints, checkpointed.get(10_000L));
    assertEquals(expectCheckpoints, checkpointed.get(50_000L));
    assertEquals(false, checkpointed.get(12_000L));
    assertEquals(expectCheckpoints ? Durations.seconds(10) : null, inverse.dependencies().get(0).checkpointDuration());
    assertTrue(h.failures.isEmpty(), h.failures.toString());
  }

  @Test
  void windowOverloadsPlaceTheirResultsAsAsked() {
    List<List<Integer>> batches = randomBatches(6, 6, 9, 4);
    PairDStream<Integer, Integer> pairs = h.input(batches).mapToPair(x -> new Tuple2<>(x % 4, x));
    Duration w = Durations.seconds(2);
    Map<Long, Integer> partitions = new java.util.concurrent.ConcurrentHashMap<>();
    PairDStream<Integer, Integer> byPartitioner =
        pairs.reduceByKeyAndWindow(Integer::sum, w, Durations.seconds(1), new dev.eddy.rdd.HashPartitioner(5));
    byPartitioner.foreachRDD((rdd, t) -> partitions.put(t.milliseconds(), rdd.getNumPartitions()));
    Map<Long, List<Tuple2<Integer, Integer>>> direct = h.collect(pairs.reduceByKeyAndWindow(Integer::sum, w));
    Map<Long, List<Tuple2<Integer, Integer>>> inverse = h.collect(pairs.reduceByKeyAndWindow(
        Integer::sum, (a, b) -> a - b, w, Durations.seconds(1), new dev.eddy.rdd.HashPartitioner(3), null));
    Map<Long, List<Tuple2<Integer, Iterable<Integer>>>> grouped = h.collect(pairs.groupByKeyAndWindow(w));
    h.runBatches(6);
    for (int k = 1; k <= 6; k++) {
      long t = k * 1000L;
      Map<Integer, Integer> expected = new HashMap<>();
      Map<Integer, Integer> expectedSizes = new HashMap<>();
      window(batches, k, 2).forEach(x -> {
        expected.merge(x % 4, x, Integer::sum);
        expectedSizes.merge(x % 4, 1, Integer::sum);
      });
      assertEquals(expected, toMap(direct.get(t)), "direct at " + k);
      Map<Integer, Integer> nonZero = new HashMap<>(toMap(inverse.get(t)));
      nonZero.values().removeIf(v -> v == 0);
      assertEquals(expected, nonZero, "inverse at " + k);
      Map<Integer, Integer> sizes = new HashMap<>();
      grouped.get(t).forEach(p -> p._2().forEach(x -> sizes.merge(p._1(), 1, Integer::sum)));
      assertEquals(expectedSizes, sizes, "groupByKeyAndWindow at " + k);
      assertEquals(5, partitions.get(t));
    }
  }

  /** Returns the elements of batches k-size+1 .. k (1-based), in batch order. */
  static List<Integer> window(List<List<Integer>> batches, int k, int size) {
    List<Integer> out = new ArrayList<>();
    for (int b = Math.max(1, k - size + 1); b <= k; b++) {
      if (b <= batches.size()) {
        out.addAll(batches.get(b - 1));
      }
    }
    return out;
  }

  static List<List<Integer>> randomBatches(int n, int maxSize, int bound, long seed) {
    Random random = new Random(seed);
    List<List<Integer>> batches = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int size = random.nextInt(maxSize + 1);
      List<Integer> batch = new ArrayList<>();
      for (int j = 0; j < size; j++) {
        batch.add(1 + random.nextInt(bound));
      }
      batches.add(batch);
    }
    return batches;
  }
}
