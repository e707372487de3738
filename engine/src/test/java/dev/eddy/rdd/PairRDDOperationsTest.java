package dev.eddy.rdd;

import static dev.eddy.rdd.Lineages.partitions;
import static dev.eddy.rdd.Lineages.sortedStrings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PairRDDOperationsTest {
  private final EddyContext sc = new EddyContext("local[2]", "pair-operations-test");

  @AfterEach
  void stop() {
    sc.stop();
  }

  private static <K, V> Tuple2<K, V> t(K k, V v) {
    return new Tuple2<>(k, v);
  }

  /** (a,1) (b,2) | (a,3) (null,4) (a,null) in two partitions. */
  private PairRDD<String, Integer> mixed() {
    return sc.parallelizePairs(Arrays.asList(t("a", 1), t("b", 2), t("a", 3), t(null, 4), t("a", null)), 2);
  }

  private PairRDD<String, Integer> skewed() {
    List<Tuple2<String, Integer>> pairs = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      pairs.add(t("hot", 1));
    }
    pairs.add(t("cold", 5));
    Collections.shuffle(pairs, new Random(1));
    return sc.parallelizePairs(pairs, 4);
  }

  @Test
  void groupByKeyKeepsEveryValueWithNullKeysAndValues() {
    PairRDD<String, Iterable<Integer>> grouped = mixed().groupByKey();
    assertEquals(List.of("(a,[1, 3, null])", "(b,[2])", "(null,[4])"), sortedStrings(grouped.collect()));
    assertEquals(3, mixed().groupByKey(3).getNumPartitions());
    assertEquals(new HashPartitioner(4), mixed().groupByKey(new HashPartitioner(4)).partitioner().orElseThrow());
    assertEquals(List.of(), sc.<String, Integer>parallelizePairs(List.of(), 3).groupByKey().collect());
  }

  @Test
  void groupByKeyShipsValuesWithoutMapSideCombine() {
    ShuffleDependency<?, ?, ?> dep = (ShuffleDependency<?, ?, ?>) mixed().groupByKey().dependencies().get(0);
    assertFalse(dep.mapSideCombine());
    ShuffleDependency<?, ?, ?> reduce = (ShuffleDependency<?, ?, ?>) mixed().reduceByKey((a, b) -> a).dependencies().get(0);
    assertTrue(reduce.mapSideCombine());
  }

  @Test
  void skewedKeyWithTenThousandValues() {
    Map<String, Integer> sizes = new HashMap<>();
    for (Tuple2<String, Iterable<Integer>> g : skewed().groupByKey(3).collect()) {
      int n = 0;
      for (Integer ignored : g._2()) {
        n++;
      }
      sizes.put(g._1(), n);
    }
    assertEquals(Map.of("hot", 10_000, "cold", 1), sizes);
    assertEquals(Map.of("hot", 10_000, "cold", 5), skewed().reduceByKey(Integer::sum).collectAsMap());
    assertEquals(Map.of("hot", 10_000L, "cold", 1L), skewed().countByKey());
    PairRDD<String, String> right = sc.parallelizePairs(List.of(t("hot", "x"), t("hot", "y"), t("cold", "z")), 2);
    assertEquals(20_001, skewed().join(right).count());
  }

  @Test
  void combineByKeyOverloads() {
    PairRDD<String, Integer> pairs = sc.parallelizePairs(List.of(t("a", 1), t("b", 4), t("a", 3), t("b", 6), t("a", 5)), 3);
    PairRDD<String, int[]> sums = pairs.combineByKey(
        v -> new int[] {v, 1}, (c, v) -> new int[] {c[0] + v, c[1] + 1}, (x, y) -> new int[] {x[0] + y[0], x[1] + y[1]});
    Map<String, Double> averages = sums.mapValues(c -> (double) c[0] / c[1]).collectAsMap();
    assertEquals(Map.of("a", 3.0, "b", 5.0), averages);
    assertEquals(2, pairs.combineByKey(v -> v, Integer::sum, Integer::sum, 5).getNumPartitions() - 3);
    PairRDD<String, Integer> reduceSideOnly =
        pairs.combineByKey(v -> v, Integer::sum, Integer::sum, new HashPartitioner(2), false);
    assertEquals(Map.of("a", 9, "b", 10), reduceSideOnly.collectAsMap());
  }

  @Test
  void aggregateByKeyStartsEachKeyAndPartitionFromAFreshZero() {
    // (a,1) (a,2) | (b,3) (a,4)
    PairRDD<String, Integer> pairs = sc.parallelizePairs(List.of(t("a", 1), t("a", 2), t("b", 3), t("a", 4)), 2);
    assertEquals(Map.of("a", 7, "b", 3), pairs.aggregateByKey(0, Integer::sum, Integer::sum).collectAsMap());
    // as Spark, a non-neutral zero counts once per partition that holds the key: (10+1+2) + (10+4)
    assertEquals(Map.of("a", 27, "b", 13), pairs.aggregateByKey(10, 2, Integer::sum, Integer::sum).collectAsMap());
    PairRDD<String, List<Integer>> lists = pairs.aggregateByKey(new ArrayList<Integer>(), new HashPartitioner(3), (l, v) -> {
      l.add(v);
      return l;
    }, (x, y) -> {
      x.addAll(y);
      return x;
    });
    assertEquals(List.of("(a,[1, 2, 4])", "(b,[3])"), sortedStrings(lists.collect()));
  }

  @Test
  void foldByKeyFoldsFromZeroPerKeyAndPartition() {
    PairRDD<String, Integer> pairs = sc.parallelizePairs(List.of(t("a", 1), t("a", 2), t("b", 3), t("a", 4)), 2);
    assertEquals(Map.of("a", 7, "b", 3), pairs.foldByKey(0, Integer::sum).collectAsMap());
    assertEquals(Map.of("a", 27, "b", 13), pairs.foldByKey(10, 3, Integer::sum).collectAsMap());
    assertEquals(new HashPartitioner(5), pairs.foldByKey(0, new HashPartitioner(5), Integer::sum).partitioner().orElseThrow());
  }

  @Test
  void mapValuesAndFlatMapValuesKeepThePartitioner() {
    PairRDD<String, String> placed = sc.parallelizePairs(List.of(t("a", "x y"), t("b", ""), t("c", "z")), 2)
        .partitionBy(new HashPartitioner(3));
    PairRDD<String, String> words = placed.flatMapValues(s -> Arrays.asList(s.split(" ")).iterator());
    assertEquals(List.of("(a,x)", "(a,y)", "(b,)", "(c,z)"), sortedStrings(words.collect()));
    assertEquals(placed.partitioner(), words.partitioner());
    assertEquals(placed.partitioner(), placed.mapValues(String::length).partitioner());
    assertFalse(placed.keys().partitioner().isPresent());
    assertEquals(List.of("a", "b", "c"), sortedStrings(placed.keys().collect()));
    assertEquals(List.of("", "x y", "z"), sortedStrings(placed.values().collect()));
    assertEquals(List.of(), placed.flatMapValues(s -> null).collect());
  }

  @Test
  void sortByKeyOrdersAcrossPartitionsInBothDirections() {
    List<Tuple2<Integer, String>> pairs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      pairs.add(t(i, "v" + i));
    }
    Collections.shuffle(pairs, new Random(2));
    PairRDD<Integer, String> rdd = sc.parallelizePairs(pairs, 4);
    PairRDD<Integer, String> ascending = rdd.sortByKey();
    List<Tuple2<Integer, String>> expected = new ArrayList<>(pairs);
    expected.sort(Comparator.comparing(Tuple2::_1));
    assertEquals(expected, ascending.collect());
    assertInstanceOf(RangePartitioner.class, ascending.partitioner().orElseThrow());
    List<List<Tuple2<Integer, String>>> parts = partitions(ascending);
    assertTrue(parts.size() >= 3, "ranges " + parts.size());
    for (List<Tuple2<Integer, String>> part : parts) {
      assertFalse(part.isEmpty(), "200 keys fill every range");
    }
    Collections.reverse(expected);
    assertEquals(expected, rdd.sortByKey(false, 3).collect());
    assertEquals(expected, rdd.sortByKey(Comparator.reverseOrder()).collect());
    Collections.reverse(expected);
    assertEquals(expected, rdd.sortByKey(Comparator.reverseOrder(), false, 2).collect());
  }

  @Test
  void sortByKeyWithDuplicateKeysEmptyPartitionsAndAnEmptyRDD() {
    PairRDD<String, Integer> rdd = sc.parallelizePairs(List.of(t("b", 1), t("a", 2), t("b", 3), t("a", 4)), 7);
    List<Tuple2<String, Integer>> sorted = rdd.sortByKey(true, 5).collect();
    assertEquals(List.of("a", "a", "b", "b"), sorted.stream().map(Tuple2::_1).toList());
    assertEquals(List.of("(a,2)", "(a,4)", "(b,1)", "(b,3)"), sortedStrings(sorted));
    assertTrue(rdd.sortByKey(true, 5).getNumPartitions() <= 3, "two distinct bounds at most, so three ranges at most");
    PairRDD<String, Integer> empty = sc.parallelizePairs(List.of(), 2);
    assertEquals(List.of(), empty.sortByKey().collect());
    assertEquals(1, empty.sortByKey().getNumPartitions());
    assertThrows(IllegalArgumentException.class, () -> rdd.sortByKey(true, 0));
  }

  @Test
  void sortByKeyAcceptsNullKeysOnlyWithAComparatorThatPlacesThem() {
    PairRDD<String, Integer> rdd = sc.parallelizePairs(Arrays.asList(t("b", 1), t(null, 2), t("a", 3)), 2);
    assertEquals(Arrays.asList(t(null, 2), t("a", 3), t("b", 1)),
        rdd.sortByKey(Comparator.nullsFirst(Comparator.<String>naturalOrder()), true, 2).collect());
    RuntimeException natural = assertThrows(RuntimeException.class, () -> rdd.sortByKey(true, 2).collect());
    assertTrue(Lineages.causedBy(natural, IllegalArgumentException.class, "Cannot order null"), natural.toString());
  }

  private PairRDD<Integer, String> left() {
    return sc.parallelizePairs(List.of(t(1, "a"), t(1, "b"), t(2, "c"), t(3, "d")), 2);
  }

  private PairRDD<Integer, String> right() {
    return sc.parallelizePairs(List.of(t(1, "x"), t(1, "y"), t(2, "z"), t(4, "w")), 3);
  }

  private static final List<String> INNER = List.of("(1,(a,x))", "(1,(a,y))", "(1,(b,x))", "(1,(b,y))", "(2,(c,z))");

  @Test
  void joinGivesEveryCombinationOfDuplicateKeys() {
    assertEquals(INNER, sortedStrings(left().join(right()).collect()));
    assertEquals(3, left().join(right(), 3).getNumPartitions());
    assertEquals(new HashPartitioner(4), left().join(right(), new HashPartitioner(4)).partitioner().orElseThrow());
    assertEquals(List.of(), left().join(sc.parallelizePairs(List.of(), 2)).collect());
  }

  @Test
  void leftOuterJoinMarksMissingRightValuesEmpty() {
    List<String> expected = new ArrayList<>(List.of(
        "(1,(a,Optional[x]))", "(1,(a,Optional[y]))", "(1,(b,Optional[x]))", "(1,(b,Optional[y]))",
        "(2,(c,Optional[z]))", "(3,(d,Optional.empty))"));
    assertEquals(expected, sortedStrings(left().leftOuterJoin(right()).collect()));
    assertEquals(2, left().leftOuterJoin(right(), 2).getNumPartitions());
  }

  @Test
  void rightOuterJoinMarksMissingLeftValuesEmpty() {
    List<String> expected = List.of(
        "(1,(Optional[a],x))", "(1,(Optional[a],y))", "(1,(Optional[b],x))", "(1,(Optional[b],y))",
        "(2,(Optional[c],z))", "(4,(Optional.empty,w))");
    assertEquals(expected, sortedStrings(left().rightOuterJoin(right()).collect()));
  }

  @Test
  void fullOuterJoinKeepsUnmatchedKeysOfBothSides() {
    List<Tuple2<Integer, Tuple2<Optional<String>, Optional<String>>>> joined = left().fullOuterJoin(right(), 2).collect();
    assertEquals(7, joined.size());
    assertTrue(joined.contains(t(3, t(Optional.of("d"), Optional.<String>empty()))));
    assertTrue(joined.contains(t(4, t(Optional.<String>empty(), Optional.of("w")))));
    assertTrue(joined.contains(t(1, t(Optional.of("b"), Optional.of("y")))));
  }

  @Test
  void joinsWithNullKeysAndNullValues() {
    PairRDD<String, Integer> l = sc.parallelizePairs(Arrays.asList(t(null, 1), t("k", null)), 2);
    PairRDD<String, Integer> r = sc.parallelizePairs(Arrays.asList(t(null, 2), t("k", 3), t("m", null)), 2);
    assertEquals(List.of("(k,(null,3))", "(null,(1,2))"), sortedStrings(l.join(r).collect()));
    // java.util.Optional cannot hold null: a matched null value shows as empty
    assertEquals(List.of("(k,(Optional.empty,Optional[3]))", "(m,(Optional.empty,Optional.empty))", "(null,(Optional[1],Optional[2]))"),
        sortedStrings(l.fullOuterJoin(r).collect()));
  }

  @Test
  void cogroupListsEachSidesValues() {
    PairRDD<Integer, String> a = sc.parallelizePairs(List.of(t(1, "a"), t(1, "b"), t(2, "c")), 2);
    PairRDD<Integer, String> b = sc.parallelizePairs(List.of(t(2, "x"), t(3, "y")), 1);
    assertEquals(List.of("(1,([a, b],[]))", "(2,([c],[x]))", "(3,([],[y]))"), sortedStrings(a.cogroup(b).collect()));
    assertEquals(5, a.cogroup(b, 5).getNumPartitions());
  }

  @Test
  void subtractByKeyDropsKeysOfTheOtherSide() {
    assertEquals(List.of("(3,d)"), sortedStrings(left().subtractByKey(right()).collect()));
    assertEquals(List.of("(1,a)", "(1,b)", "(3,d)"),
        sortedStrings(left().subtractByKey(sc.parallelizePairs(List.of(t(2, 0)), 1), new HashPartitioner(3)).collect()));
  }

  @Test
  void countByKeyCountsPairsPerKey() {
    Map<String, Long> expected = new HashMap<>();
    expected.put("a", 3L);
    expected.put("b", 1L);
    expected.put(null, 1L);
    assertEquals(expected, mixed().countByKey());
  }

  @Test
  void partitionByPlacesKeysAndSkipsAnEqualPartitioner() {
    HashPartitioner byHash = new HashPartitioner(3);
    PairRDD<Integer, Integer> placed = sc.parallelizePairs(Arrays.asList(t(1, 1), t(5, 2), t(null, 3), t(-4, 4)), 2).partitionBy(byHash);
    List<List<Tuple2<Integer, Integer>>> parts = partitions(placed);
    // floorMod(-4, 3) == 2; null goes to partition 0
    assertEquals(List.of(List.of(t(null, 3)), List.of(t(1, 1)), List.of(t(5, 2), t(-4, 4))), parts);
    assertSame(placed, placed.partitionBy(new HashPartitioner(3)));
    assertEquals(2, placed.partitionBy(new HashPartitioner(2)).getNumPartitions());
  }

  @Test
  void lookupReadsOnlyTheKeysPartitionWhenPlaced() {
    PairRDD<String, Integer> rdd = mixed();
    assertEquals(Arrays.asList(1, 3, null), rdd.lookup("a"));
    assertEquals(List.of(4), rdd.lookup(null));
    assertEquals(List.of(), rdd.lookup("zz"));
    PairRDD<String, Integer> placed = rdd.partitionBy(new HashPartitioner(4));
    assertEquals(List.of("1", "3", "null"), sortedStrings(placed.lookup("a")));
    assertEquals(List.of(4), placed.lookup(null));
  }
}
