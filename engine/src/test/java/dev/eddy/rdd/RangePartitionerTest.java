package dev.eddy.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RangePartitionerTest {
  private final EddyContext sc = new EddyContext("local[2]", "range-partitioner-test");

  @AfterEach
  void stop() {
    sc.stop();
  }

  private PairRDD<Integer, String> keys(int n, int slices) {
    List<Tuple2<Integer, String>> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pairs.add(new Tuple2<>(i, "v"));
    }
    Collections.shuffle(pairs, new Random(9));
    return sc.parallelizePairs(pairs, slices);
  }

  @Test
  void rangesAreOrderedAndRoughlyEven() {
    RangePartitioner<Integer> ranges = new RangePartitioner<>(4, keys(1000, 4), true);
    assertEquals(4, ranges.numPartitions());
    int[] sizes = new int[4];
    int previous = 0;
    for (int k = 0; k < 1000; k++) {
      int p = ranges.getPartition(k);
      assertTrue(p >= previous, "partitions grow with the key");
      previous = p;
      sizes[p]++;
    }
    for (int size : sizes) {
      assertTrue(size > 150 && size < 350, Arrays.toString(sizes));
    }
    List<Integer> bounds = ranges.rangeBounds();
    assertEquals(3, bounds.size());
    assertEquals(0, ranges.getPartition(bounds.get(0)), "a bound is the inclusive top of its range");
    assertEquals(1, ranges.getPartition(bounds.get(0) + 1));
  }

  @Test
  void descendingPutsTheLargestKeysFirst() {
    PairRDD<Integer, String> rdd = keys(1000, 4);
    RangePartitioner<Integer> up = new RangePartitioner<>(4, rdd, true);
    RangePartitioner<Integer> down = new RangePartitioner<>(4, rdd, false);
    assertEquals(up.rangeBounds(), down.rangeBounds());
    assertEquals(3, down.getPartition(0));
    assertEquals(0, down.getPartition(999));
    assertNotEquals(up, down);
  }

  @Test
  void equalityIsByBoundsAndDirection() {
    PairRDD<Integer, String> rdd = keys(1000, 4);
    RangePartitioner<Integer> a = new RangePartitioner<>(4, rdd, true);
    RangePartitioner<Integer> b = new RangePartitioner<>(4, rdd, true);
    assertEquals(a, b, "the sketch is deterministic for one RDD");
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, new RangePartitioner<>(3, rdd, true));
    assertNotEquals(a, new HashPartitioner(4));
  }

  @Test
  void anEmptyRDDOrOnePartitionGivesOneRange() {
    RangePartitioner<Integer> empty = new RangePartitioner<>(5, sc.<Integer, String>parallelizePairs(List.of(), 3), true);
    assertEquals(1, empty.numPartitions());
    assertEquals(0, empty.getPartition(42));
    RangePartitioner<Integer> one = new RangePartitioner<>(1, keys(10, 2), true);
    assertEquals(1, one.numPartitions());
    assertThrows(IllegalArgumentException.class, () -> new RangePartitioner<>(-1, keys(10, 2), true));
  }

  @Test
  void fewDistinctKeysGiveFewerRanges() {
    List<Tuple2<Integer, Integer>> pairs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      pairs.add(new Tuple2<>(i % 2, i));
    }
    RangePartitioner<Integer> ranges = new RangePartitioner<>(10, sc.parallelizePairs(pairs, 3), true);
    assertTrue(ranges.numPartitions() <= 3, "bounds are distinct keys: " + ranges.rangeBounds());
    assertTrue(ranges.getPartition(0) < ranges.getPartition(1));
  }

  @Test
  void manyRangesUseBinarySearchConsistently() {
    RangePartitioner<Integer> ranges = new RangePartitioner<>(300, keys(30_000, 4), true);
    List<Integer> bounds = ranges.rangeBounds();
    assertTrue(bounds.size() > 128, "enough bounds for the binary search: " + bounds.size());
    for (int k = -1; k < 30_001; k += 7) {
      int p = ranges.getPartition(k);
      assertTrue(p == 0 || bounds.get(p - 1) < k, "key " + k + " above the previous bound");
      assertTrue(p == bounds.size() || k <= bounds.get(p), "key " + k + " at most its bound");
    }
  }

  @Test
  void aNullKeyNeedsAComparatorThatPlacesIt() {
    PairRDD<String, Integer> rdd = sc.parallelizePairs(Arrays.asList(
        new Tuple2<>("b", 1), new Tuple2<>(null, 2), new Tuple2<>("a", 3), new Tuple2<>("c", 4)), 2);
    IllegalArgumentException natural = assertThrows(IllegalArgumentException.class, () -> new RangePartitioner<>(2, rdd, true));
    assertTrue(natural.getMessage().contains("Cannot order null"), natural.getMessage());
    RangePartitioner<String> nullsFirst =
        new RangePartitioner<>(2, rdd, true, Comparator.nullsFirst(Comparator.<String>naturalOrder()));
    assertEquals(0, nullsFirst.getPartition(null));
    RangePartitioner<String> noNulls =
        new RangePartitioner<>(2, rdd.filter(t -> t._1() != null).mapToPair(t -> t), true);
    IllegalArgumentException placing = assertThrows(IllegalArgumentException.class, () -> noNulls.getPartition(null));
    assertTrue(placing.getMessage().contains("Cannot order null"));
  }
}
