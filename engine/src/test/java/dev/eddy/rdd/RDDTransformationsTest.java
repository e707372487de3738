package dev.eddy.rdd;

import static dev.eddy.rdd.Lineages.causedBy;
import static dev.eddy.rdd.Lineages.partitions;
import static dev.eddy.rdd.Lineages.shuffles;
import static dev.eddy.rdd.Lineages.sortedStrings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.EddyException;
import dev.eddy.api.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RDDTransformationsTest {
  private final EddyContext sc = new EddyContext("local[2]", "rdd-transformations-test");

  @AfterEach
  void stop() {
    sc.stop();
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  @Test
  void mapPartitionsWithIndexSeesEachPartitionsIndex() {
    RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3, 4, 5), 3); // [1] [2,3] [4,5]
    RDD<Integer> tagged = rdd.mapPartitionsWithIndex(
        (i, it) -> dev.eddy.rdd.internal.Iterators.map(it, x -> i * 10 + x), false);
    assertEquals(List.of(1, 12, 13, 24, 25), tagged.collect());
    assertEquals(List.of(0, 1, 2), rdd.mapPartitionsWithIndex((i, it) -> List.of(i).iterator(), false).collect());
  }

  @Test
  void mapPartitionsWithIndexKeepsThePartitionerOnlyWhenAsked() {
    PairRDD<Integer, Integer> placed = sc.parallelizePairs(List.of(new Tuple2<>(1, 1)), 2).partitionBy(new HashPartitioner(2));
    assertTrue(placed.mapPartitionsWithIndex((i, it) -> it, true).partitioner().isPresent());
    assertFalse(placed.mapPartitionsWithIndex((i, it) -> it, false).partitioner().isPresent());
    assertTrue(placed.mapPartitions(it -> it, true).partitioner().isPresent());
  }

  @Test
  void glomReturnsOneListPerPartitionIncludingEmptyOnes() {
    RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3), 5);
    assertEquals(List.of(List.of(), List.of(1), List.of(), List.of(2), List.of(3)), rdd.glom().collect());
    assertEquals(List.of(), sc.<Integer>emptyRDD().glom().collect());
  }

  @Test
  void distinctKeepsEachElementOnceNullIncluded() {
    RDD<Integer> rdd = sc.parallelize(Arrays.asList(1, 2, 2, null, 3, null, 1), 3);
    RDD<Integer> distinct = rdd.distinct();
    assertEquals(sortedStrings(Arrays.asList(1, 2, 3, null)), sortedStrings(distinct.collect()));
    assertEquals(3, distinct.getNumPartitions());
    assertEquals(5, rdd.distinct(5).getNumPartitions());
    assertEquals(4, rdd.distinct(5).count());
    assertEquals(1, shuffles(distinct));
    assertEquals(List.of(), sc.<Integer>emptyRDD().distinct().collect());
  }

  @Test
  void intersectionReturnsCommonElementsOnce() {
    RDD<Integer> a = sc.parallelize(Arrays.asList(1, 2, 2, 3, null), 2);
    RDD<Integer> b = sc.parallelize(Arrays.asList(2, 3, 3, 4, null), 3);
    RDD<Integer> both = a.intersection(b);
    assertEquals(sortedStrings(Arrays.asList(2, 3, null)), sortedStrings(both.collect()));
    assertEquals(3, both.getNumPartitions());
    assertEquals(List.of(), a.intersection(sc.parallelize(List.of(7), 1)).collect());
  }

  @Test
  void subtractKeepsDuplicatesOfTheLeftSide() {
    RDD<Integer> a = sc.parallelize(List.of(1, 2, 2, 3, 4, 4), 3);
    RDD<Integer> b = sc.parallelize(List.of(2, 5), 2);
    RDD<Integer> rest = a.subtract(b);
    assertEquals(List.of("1", "3", "4", "4"), sortedStrings(rest.collect()));
    assertEquals(3, rest.getNumPartitions());
    assertEquals(2, a.subtract(b, 2).getNumPartitions());
    assertEquals(List.of(), sc.<Integer>emptyRDD().subtract(b).collect());
  }

  @Test
  void cartesianPairsEveryElementInPartitionOrder() {
    RDD<Integer> left = sc.parallelize(List.of(1, 2), 2);
    RDD<String> right = sc.parallelize(List.of("a", "b", "c"), 2); // [a] [b,c]
    PairRDD<Integer, String> product = left.cartesian(right);
    assertEquals(4, product.getNumPartitions());
    assertEquals(List.of(new Tuple2<>(1, "a"), new Tuple2<>(1, "b"), new Tuple2<>(1, "c"),
        new Tuple2<>(2, "a"), new Tuple2<>(2, "b"), new Tuple2<>(2, "c")), product.collect());
    assertEquals(0, shuffles(product));
    assertEquals(0, left.cartesian(sc.emptyRDD()).count());
  }

  @Test
  void zipPairsElementsAtTheSamePosition() {
    RDD<Integer> numbers = sc.parallelize(List.of(1, 2, 3), 2);
    RDD<String> letters = sc.parallelize(Arrays.asList("a", null, "c"), 2);
    assertEquals(List.of(new Tuple2<>(1, "a"), new Tuple2<>(2, null), new Tuple2<>(3, "c")), numbers.zip(letters).collect());
    assertEquals(List.of(new Tuple2<>(2, 1), new Tuple2<>(4, 2), new Tuple2<>(6, 3)),
        numbers.map(x -> x * 2).zip(numbers).collect());
  }

  @Test
  void zipRejectsUnequalPartitionsAtOnceAndUnequalSizesInTheJob() {
    RDD<Integer> numbers = sc.parallelize(List.of(1, 2, 3), 2);
    IllegalArgumentException partitions =
        assertThrows(IllegalArgumentException.class, () -> numbers.zip(sc.parallelize(List.of(1, 2, 3), 3)));
    assertEquals("Can't zip RDDs with unequal numbers of partitions: [2, 3]", partitions.getMessage());
    // [1] [2,3] against [a,b] [c,d]
    PairRDD<Integer, String> uneven = numbers.zip(sc.parallelize(List.of("a", "b", "c", "d"), 2));
    EddyException failed = assertThrows(EddyException.class, uneven::collect);
    assertTrue(causedBy(failed, IllegalStateException.class, "Can only zip RDDs with same number of elements in each partition"));
  }

  @Test
  void zipWithIndexNumbersByPartitionOrderAcrossEmptyPartitions() {
    RDD<String> rdd = sc.parallelize(List.of("a", "b", "c", "d", "e"), 3); // [a] [b,c] [d,e]
    assertEquals(List.of(new Tuple2<>("a", 0L), new Tuple2<>("b", 1L), new Tuple2<>("c", 2L),
        new Tuple2<>("d", 3L), new Tuple2<>("e", 4L)), rdd.zipWithIndex().collect());
    RDD<String> sparse = sc.parallelize(List.of("x", "y"), 4); // [] [x] [] [y]
    assertEquals(List.of(new Tuple2<>("x", 0L), new Tuple2<>("y", 1L)), sparse.zipWithIndex().collect());
    assertEquals(List.of(new Tuple2<>("x", 0L)), sc.parallelize(List.of("x"), 1).zipWithIndex().collect());
    assertEquals(List.of(), sc.<String>emptyRDD().zipWithIndex().collect());
  }

  @Test
  void zipWithIndexGivesConsecutiveIndexesAfterAFilter() {
    RDD<Integer> evens = sc.parallelize(range(0, 100), 7).filter(x -> x % 2 == 0);
    List<Tuple2<Integer, Long>> indexed = evens.zipWithIndex().collect();
    for (int i = 0; i < indexed.size(); i++) {
      assertEquals(new Tuple2<>(2 * i, (long) i), indexed.get(i));
    }
    assertEquals(50, indexed.size());
  }

  @Test
  void zipWithUniqueIdInterleavesPartitions() {
    RDD<String> rdd = sc.parallelize(List.of("a", "b", "c", "d", "e"), 3); // [a] [b,c] [d,e]
    assertEquals(List.of(new Tuple2<>("a", 0L), new Tuple2<>("b", 1L), new Tuple2<>("c", 4L),
        new Tuple2<>("d", 2L), new Tuple2<>("e", 5L)), rdd.zipWithUniqueId().collect());
  }

  @Test
  void sampleIsDeterministicPerSeed() {
    RDD<Integer> rdd = sc.parallelize(range(0, 1000), 4);
    List<Integer> once = rdd.sample(false, 0.1, 42).collect();
    assertEquals(once, rdd.sample(false, 0.1, 42).collect());
    assertNotEquals(once, rdd.sample(false, 0.1, 43).collect());
    assertEquals(rdd.sample(true, 0.5, 7).collect(), rdd.sample(true, 0.5, 7).collect());
  }

  @Test
  void sampleWithoutReplacementKeepsAboutTheFractionOnceEach() {
    RDD<Integer> rdd = sc.parallelize(range(0, 10_000), 4);
    List<Integer> sample = rdd.sample(false, 0.3, 1).collect();
    assertTrue(sample.size() > 2_700 && sample.size() < 3_300, "size " + sample.size());
    assertEquals(sample.size(), new HashSet<>(sample).size());
    List<Integer> sorted = new ArrayList<>(sample);
    Collections.sort(sorted);
    assertEquals(sorted, sample, "a partition's sample keeps the partition's order");
    assertEquals(0, rdd.sample(false, 0.0, 1).count());
    assertEquals(10_000, rdd.sample(false, 1.0, 1).count());
  }

  @Test
  void sampleWithReplacementRepeatsElementsPoissonTimes() {
    RDD<Integer> rdd = sc.parallelize(range(0, 5_000), 3);
    List<Integer> sample = rdd.sample(true, 2.0, 5).collect();
    assertTrue(sample.size() > 9_500 && sample.size() < 10_500, "size " + sample.size());
    assertTrue(new HashSet<>(sample).size() < sample.size(), "some elements repeat");
    List<Integer> small = rdd.sample(true, 0.2, 5).collect();
    assertTrue(small.size() > 850 && small.size() < 1_150, "size " + small.size());
  }

  @Test
  void sampleRejectsBadFractions() {
    RDD<Integer> rdd = sc.parallelize(range(0, 10), 2);
    assertThrows(IllegalArgumentException.class, () -> rdd.sample(false, 1.5, 1));
    assertThrows(IllegalArgumentException.class, () -> rdd.sample(true, -0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> rdd.sample(false, Double.NaN, 1));
  }

  @Test
  void coalesceMergesAdjacentPartitionsWithoutAShuffle() {
    RDD<Integer> rdd = sc.parallelize(range(1, 11), 5); // [1,2] [3,4] [5,6] [7,8] [9,10]
    RDD<Integer> two = rdd.coalesce(2);
    assertEquals(List.of(range(1, 5), range(5, 11)), partitions(two));
    assertEquals(0, shuffles(two));
    assertInstanceOf(NarrowDependency.class, two.dependencies().get(0));
    assertEquals(List.of(2, 3, 4), ((NarrowDependency<?>) two.dependencies().get(0)).getParents(1));
    assertEquals(5, rdd.coalesce(10).getNumPartitions(), "coalesce without shuffle never adds partitions");
    assertEquals(range(1, 11), rdd.coalesce(1).collect());
    assertThrows(IllegalArgumentException.class, () -> rdd.coalesce(0));
    assertEquals(0, sc.emptyRDD().coalesce(3).getNumPartitions());
  }

  @Test
  void repartitionSpreadsElementsEvenlyThroughOneShuffle() {
    RDD<Integer> rdd = sc.parallelize(range(0, 100), 2);
    RDD<Integer> three = rdd.repartition(3);
    assertEquals(3, three.getNumPartitions());
    assertEquals(1, shuffles(three));
    List<List<Integer>> parts = partitions(three);
    for (List<Integer> part : parts) {
      // each source partition of 50 sends 16 or 17 elements to each target
      assertTrue(part.size() >= 32 && part.size() <= 34, "sizes " + parts);
    }
    assertEquals(sortedStrings(range(0, 100)), sortedStrings(three.collect()));
    RDD<Integer> more = sc.parallelize(range(0, 10), 1).coalesce(4, true);
    assertEquals(4, more.getNumPartitions());
    for (List<Integer> part : partitions(more)) {
      assertTrue(part.size() == 2 || part.size() == 3, "sizes " + partitions(more));
    }
  }

  @Test
  void sortByOrdersAcrossPartitions() {
    List<Integer> shuffled = range(0, 1000);
    Collections.shuffle(shuffled, new Random(3));
    RDD<Integer> rdd = sc.parallelize(shuffled, 4);
    RDD<Integer> ascending = rdd.sortBy(x -> x, true, 3);
    assertEquals(range(0, 1000), ascending.collect());
    assertTrue(ascending.getNumPartitions() <= 3 && ascending.getNumPartitions() >= 2);
    List<Integer> descending = rdd.sortBy(x -> x, false, 5).collect();
    List<Integer> expected = range(0, 1000);
    Collections.reverse(expected);
    assertEquals(expected, descending);
    assertEquals(List.of("a", "bb", "ccc"), sc.parallelize(List.of("ccc", "a", "bb"), 6).sortBy(String::length, true, 4).collect());
    assertEquals(List.of(), sc.<Integer>emptyRDD().sortBy(x -> x, true, 2).collect());
  }

  @Test
  void sortByANullKeyFailsWithAClearError() {
    RDD<Integer> rdd = sc.parallelize(Arrays.asList(3, null, 1, 2), 2);
    RuntimeException failed = assertThrows(RuntimeException.class, () -> rdd.sortBy(x -> x, true, 2).collect());
    assertTrue(causedBy(failed, IllegalArgumentException.class, "Cannot order null by natural ordering"), failed.toString());
    RuntimeException onePartition = assertThrows(RuntimeException.class, () -> rdd.sortBy(x -> x, true, 1).collect());
    assertTrue(causedBy(onePartition, IllegalArgumentException.class, "Cannot order null"), onePartition.toString());
  }

  @Test
  void keyByAndGroupBy() {
    RDD<String> words = sc.parallelize(List.of("a", "bb", "cc", "d", "eee"), 2);
    assertEquals(List.of(new Tuple2<>(1, "a"), new Tuple2<>(2, "bb"), new Tuple2<>(2, "cc"), new Tuple2<>(1, "d"),
        new Tuple2<>(3, "eee")), words.keyBy(String::length).collect());
    PairRDD<Integer, Iterable<String>> byLength = words.groupBy(String::length);
    assertEquals(List.of("(1,[a, d])", "(2,[bb, cc])", "(3,[eee])"), sortedStrings(byLength.collect()));
    assertEquals(3, words.groupBy(String::length, 3).getNumPartitions());
  }
}
