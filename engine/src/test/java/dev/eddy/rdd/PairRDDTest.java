package dev.eddy.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PairRDDTest {
  private final EddyContext sc = new EddyContext("local[2]", "pair-test");

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void wordCount() {
    RDD<String> lines = sc.parallelize(Arrays.asList("to be or", "not to be", "be"), 2);
    PairRDD<String, Integer> counts = lines
        .flatMap(l -> Arrays.asList(l.split(" ")).iterator())
        .mapToPair(w -> new Tuple2<>(w, 1))
        .reduceByKey(Integer::sum);
    assertEquals(Map.of("to", 2, "be", 3, "or", 1, "not", 1), counts.collectAsMap());
    assertEquals(4, counts.collect().size());
    assertEquals(2, counts.getNumPartitions());
  }

  @Test
  void reducedKeysSitInTheirHashPartition() {
    List<Tuple2<Integer, Integer>> pairs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      pairs.add(new Tuple2<>(i % 17 - 8, 1));
    }
    PairRDD<Integer, Integer> reduced = sc.parallelizePairs(pairs, 4).reduceByKey(Integer::sum, 3);
    assertEquals(3, reduced.getNumPartitions());
    assertEquals(new HashPartitioner(3), reduced.partitioner().orElseThrow());
    List<List<Tuple2<Integer, Integer>>> byPartition = sc.runJob(reduced, it -> {
      List<Tuple2<Integer, Integer>> out = new ArrayList<>();
      it.forEachRemaining(out::add);
      return out;
    });
    int total = 0;
    for (int p = 0; p < 3; p++) {
      for (Tuple2<Integer, Integer> t : byPartition.get(p)) {
        assertEquals(p, Math.floorMod(t._1(), 3), "key " + t._1() + " in partition " + p);
        total += t._2();
      }
    }
    assertEquals(100, total);
    assertEquals(17, reduced.count());
  }

  @Test
  void nullKeysAndNullValues() {
    PairRDD<String, Integer> pairs = sc.parallelizePairs(Arrays.asList(
        new Tuple2<>(null, 1), new Tuple2<>("x", null), new Tuple2<>(null, 2), new Tuple2<>("x", null),
        new Tuple2<>("y", 5), new Tuple2<>("y", null)), 3);
    Map<String, Integer> reduced = pairs.reduceByKey(PairRDDTest::sumOrNull).collectAsMap();
    Map<String, Integer> expected = new HashMap<>();
    expected.put(null, 3);
    expected.put("x", null);
    expected.put("y", 5);
    assertEquals(expected, reduced);
  }

  @Test
  void skewedKeysAreCombinedOnTheMapSide() {
    List<Tuple2<String, Integer>> pairs = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      pairs.add(new Tuple2<>("hot", 1));
    }
    pairs.add(new Tuple2<>("cold", 1));
    AtomicInteger combinerMerges = new AtomicInteger();
    PairRDD<String, Integer> sums = sc.parallelizePairs(pairs, 4).combineByKey(
        v -> v, Integer::sum, (a, b) -> {
          combinerMerges.incrementAndGet();
          return a + b;
        }, new HashPartitioner(2));
    assertEquals(Map.of("hot", 10_000, "cold", 1), sums.collectAsMap());
    // each of the 4 map partitions sends one combined value for "hot": 3 merges on the reduce side
    assertEquals(3, combinerMerges.get());
  }

  @Test
  void morePartitionsThanElements() {
    PairRDD<String, Integer> pairs = sc.parallelizePairs(List.of(new Tuple2<>("a", 1), new Tuple2<>("a", 2)), 8);
    PairRDD<String, Integer> reduced = pairs.reduceByKey(Integer::sum, 16);
    assertEquals(16, reduced.getNumPartitions());
    assertEquals(List.of(new Tuple2<>("a", 3)), reduced.collect());
  }

  @Test
  void mapValuesKeepsThePartitionerSoASecondReduceNeedsNoShuffle() {
    PairRDD<String, Integer> once = sc.parallelizePairs(
        List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2), new Tuple2<>("a", 3)), 2).reduceByKey(Integer::sum, 2);
    PairRDD<String, Integer> doubled = once.mapValues(v -> v * 2);
    assertEquals(once.partitioner(), doubled.partitioner());
    PairRDD<String, Integer> again = doubled.reduceByKey(Integer::sum, 2);
    assertFalse(again.dependencies().get(0) instanceof ShuffleDependency<?, ?, ?>);
    assertEquals(Map.of("a", 8, "b", 4), again.collectAsMap());
    assertTrue(once.dependencies().get(0) instanceof ShuffleDependency<?, ?, ?>);
  }

  @Test
  void aPairViewSharesItsRddsIdentity() {
    RDD<Tuple2<String, Integer>> plain = sc.parallelize(List.of(new Tuple2<>("k", 1)));
    PairRDD<String, Integer> view = PairRDD.fromRDD(plain);
    assertEquals(plain.id(), view.id());
    assertEquals(plain.toString(), view.toString());
    assertEquals(List.of("k"), view.keys().collect());
    assertEquals(List.of(1), view.values().collect());
  }

  private static Integer sumOrNull(Integer a, Integer b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + b;
  }
}
