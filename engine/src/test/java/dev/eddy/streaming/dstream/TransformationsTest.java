package dev.eddy.streaming.dstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.Tuple2;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.Time;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformationsTest {
  private static final List<List<Integer>> BATCHES = List.of(
      List.of(1, 2, 3, 4, 5), List.of(), List.of(7, 7, 8), List.of(10, -3, 10, 10));

  private final StreamHarness h = new StreamHarness("transformations-test", 1000);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void mapPartitionsGlomAndRepartitionSeeEachBatch() {
    DStream<Integer> in = h.input(BATCHES);
    Map<Long, List<Integer>> sums = h.collect(in.mapPartitions(it -> {
      int s = 0;
      while (it.hasNext()) {
        s += it.next();
      }
      return List.of(s).iterator();
    }));
    Map<Long, List<List<Integer>>> glommed = h.collect(in.glom());
    Map<Long, List<List<Integer>>> repartitioned = h.collect(in.repartition(3).glom());
    h.runBatches(4);
    for (int i = 0; i < 4; i++) {
      long t = (i + 1) * 1000L;
      List<Integer> batch = BATCHES.get(i);
      List<List<Integer>> halves = twoSlices(batch);
      assertEquals(halves, glommed.get(t), "glom " + t);
      assertEquals(halves.stream().map(l -> l.stream().mapToInt(x -> x).sum()).toList(), sums.get(t), "sums " + t);
      assertEquals(3, repartitioned.get(t).size());
      assertEquals(sortedCopy(batch), sortedCopy(repartitioned.get(t).stream().flatMap(List::stream).toList()));
    }
  }

  @Test
  void reduceAndCountByValuePerBatch() {
    DStream<Integer> in = h.input(BATCHES);
    Map<Long, List<Integer>> reduced = h.collect(in.reduce(Integer::sum));
    Map<Long, List<Tuple2<Integer, Long>>> counted = h.collect(in.countByValue());
    h.runBatches(5);
    for (int i = 0; i < 5; i++) {
      long t = (i + 1) * 1000L;
      List<Integer> batch = i < BATCHES.size() ? BATCHES.get(i) : List.of();
      List<Integer> expectedSum = batch.isEmpty() ? List.of() : List.of(batch.stream().mapToInt(x -> x).sum());
      assertEquals(expectedSum, reduced.get(t), "reduce " + t);
      Map<Integer, Long> expectedCounts = batch.stream().collect(Collectors.groupingBy(x -> x, Collectors.counting()));
      assertEquals(expectedCounts, toMap(counted.get(t)), "countByValue " + t);
    }
  }

  @Test
  void unionOfStreamsWithDifferentInputs() {
    List<List<Integer>> other = List.of(List.of(100), List.of(200, 300), List.of(), List.of(400));
    DStream<Integer> a = h.input(BATCHES);
    DStream<Integer> b = h.input(other);
    Map<Long, List<Integer>> union = h.collect(a.union(b));
    Map<Long, List<Integer>> contextUnion = h.collect(h.ssc.union(b, a, b));
    h.runBatches(4);
    for (int i = 0; i < 4; i++) {
      long t = (i + 1) * 1000L;
      List<Integer> expected = new ArrayList<>(BATCHES.get(i));
      expected.addAll(other.get(i));
      assertEquals(expected, union.get(t), "union " + t);
      List<Integer> three = new ArrayList<>(other.get(i));
      three.addAll(BATCHES.get(i));
      three.addAll(other.get(i));
      assertEquals(three, contextUnion.get(t), "ssc.union " + t);
    }
  }

  @Test
  void unionOfStreamsWithDifferentSlidesIsRejected() {
    DStream<Integer> a = h.input(BATCHES);
    DStream<Integer> windowed = a.window(Durations.seconds(2), Durations.seconds(2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.union(windowed));
    assertTrue(e.getMessage().contains("different slide durations"), e.getMessage());
  }

  @Test
  void transformSeesTheBatchTimeAndTransformWithJoinsTwoStreams() {
    DStream<Integer> in = h.input(BATCHES);
    Map<Long, List<Long>> stamped = h.collect(in.transform((rdd, time) -> rdd.map(x -> time.milliseconds() + x)));
    Map<Long, List<Integer>> doubled = h.collect(in.transform(rdd -> rdd.map(x -> 2 * x)));
    DStream<String> letters = h.input(List.of(List.of("a"), List.of("b", "c"), List.of(), List.of("d")));
    Map<Long, List<Tuple2<Integer, String>>> crossed =
        h.collect(in.transformWithToPair(letters, (nums, strs, time) -> nums.cartesian(strs).rdd()));
    Map<Long, List<Tuple2<Integer, Integer>>> pairs =
        h.collect(in.transformToPair(rdd -> rdd.mapToPair(x -> new Tuple2<>(x % 2, x)).rdd()));
    h.runBatches(4);
    List<List<String>> letterBatches = List.of(List.of("a"), List.of("b", "c"), List.of(), List.of("d"));
    for (int i = 0; i < 4; i++) {
      long t = (i + 1) * 1000L;
      List<Integer> batch = BATCHES.get(i);
      assertEquals(batch.stream().map(x -> t + x).toList(), stamped.get(t));
      assertEquals(batch.stream().map(x -> 2 * x).toList(), doubled.get(t));
      List<String> expectedCross = new ArrayList<>();
      for (int x : batch) {
        for (String s : letterBatches.get(i)) {
          expectedCross.add(x + s);
        }
      }
      assertEquals(sortedCopy(expectedCross), sortedCopy(crossed.get(t).stream().map(p -> p._1() + p._2()).toList()));
      assertEquals(batch.stream().map(x -> new Tuple2<>(x % 2, x)).toList(), pairs.get(t));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void contextTransformSeesTheRddsOfAllItsStreams() {
    DStream<Integer> a = h.input(BATCHES);
    DStream<String> b = h.input(List.of(List.of("x"), List.of("y", "z")));
    DStream<String> both = h.ssc.transform(List.of(a, b), (rdds, time) -> {
      RDD<Integer> nums = (RDD<Integer>) rdds.get(0);
      RDD<String> strs = (RDD<String>) rdds.get(1);
      return nums.map(x -> "n" + x).union(strs).map(s -> s + "@" + time.milliseconds());
    });
    Map<Long, List<String>> out = h.collect(both);
    h.runBatches(2);
    assertEquals(List.of("n1@1000", "n2@1000", "n3@1000", "n4@1000", "n5@1000", "x@1000"), out.get(1000L));
    assertEquals(List.of("y@2000", "z@2000"), out.get(2000L));
  }

  @Test
  void aTransformThatThrowsOrReturnsNullFailsItsBatchOnly() {
    DStream<Integer> in = h.input(BATCHES);
    Map<Long, List<Integer>> out = h.collect(in.transform((rdd, time) -> {
      if (time.milliseconds() == 2000) {
        throw new IllegalStateException("boom at two");
      }
      if (time.milliseconds() == 3000) {
        return null;
      }
      return rdd;
    }));
    h.runBatches(4);
    assertEquals(BATCHES.get(0), out.get(1000L));
    assertEquals(BATCHES.get(3), out.get(4000L));
    assertEquals(2, out.size());
    assertTrue(h.failures.get(2000L).contains("boom at two"), h.failures.toString());
    assertTrue(h.failures.get(3000L).contains("must not return null"), h.failures.toString());
  }

  @Test
  void flatMapToPairAndMapPartitionsToPair() {
    DStream<String> lines = h.input(List.of(List.of("a b", "b"), List.of("c")));
    Map<Long, List<Tuple2<String, Integer>>> words =
        h.collect(lines.flatMapToPair(l -> Arrays.stream(l.split(" ")).map(w -> new Tuple2<>(w, 1)).iterator()));
    Map<Long, List<Tuple2<Integer, Integer>>> perPartition = h.collect(lines.mapPartitionsToPair(it -> {
      int n = 0;
      for (; it.hasNext(); it.next()) {
        n++;
      }
      return List.of(new Tuple2<>(n, n)).iterator();
    }));
    h.runBatches(2);
    assertEquals(List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 1), new Tuple2<>("b", 1)), words.get(1000L));
    assertEquals(List.of(new Tuple2<>("c", 1)), words.get(2000L));
    assertEquals(List.of(new Tuple2<>(1, 1), new Tuple2<>(1, 1)), perPartition.get(1000L));
  }

  @Test
  void sliceReturnsTheRememberedRddsOfATimeRange() {
    DStream<Integer> in = h.input(BATCHES);
    h.collect(in);
    h.ssc.remember(Durations.seconds(10));
    assertThrows(IllegalStateException.class, () -> in.slice(new Time(0), new Time(1000)));
    h.runBatches(4);
    List<List<Integer>> sliced = in.slice(new Time(1500), new Time(3999)).stream().map(RDD::collect).toList();
    // aligned down to the batches: 1000, 2000, 3000
    assertEquals(BATCHES.subList(0, 3), sliced);
    assertEquals(BATCHES, in.slice(new Time(-5000), new Time(4000)).stream().map(RDD::collect).toList());
    assertEquals(List.of(), in.slice(new Time(3000), new Time(2000)));
  }

  @Test
  void saveAsTextFilesWritesOneDirectoryPerBatch(@TempDir Path dir) throws Exception {
    DStream<Integer> in = h.input(BATCHES);
    String prefix = dir.resolve("out").toString();
    in.saveAsTextFiles(prefix, "txt");
    in.map(x -> x * 10).saveAsTextFiles(dir.resolve("plain").toString(), null);
    h.runBatches(2);
    assertEquals(prefix + "-1000.txt", DStream.rddToFileName(prefix, "txt", new Time(1000)));
    assertEquals(BATCHES.get(0), readInts(Path.of(prefix + "-1000.txt")));
    assertEquals(List.of(), readInts(Path.of(prefix + "-2000.txt")));
    assertEquals(List.of(10, 20, 30, 40, 50), readInts(dir.resolve("plain-1000")));
    assertTrue(h.failures.isEmpty(), h.failures.toString());
  }

  private static List<Integer> readInts(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
      List<Integer> out = new ArrayList<>();
      for (Path part : parts) {
        Files.readAllLines(part).forEach(l -> out.add(Integer.parseInt(l)));
      }
      return out;
    }
  }

  /** The two slices parallelize(list, 2) makes: the first half (rounded down) and the rest. */
  private static <T> List<List<T>> twoSlices(List<T> list) {
    int mid = list.size() / 2;
    return List.of(list.subList(0, mid), list.subList(mid, list.size()));
  }

  static <T extends Comparable<T>> List<T> sortedCopy(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.sort(copy);
    return copy;
  }

  static <K, V> Map<K, V> toMap(List<Tuple2<K, V>> pairs) {
    Map<K, V> m = new HashMap<>();
    for (Tuple2<K, V> p : pairs) {
      if (m.put(p._1(), p._2()) != null) {
        throw new AssertionError("duplicate key " + p._1() + " in " + pairs);
      }
    }
    return m;
  }

}
