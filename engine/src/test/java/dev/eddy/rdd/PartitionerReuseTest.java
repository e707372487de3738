package dev.eddy.rdd;

import static dev.eddy.rdd.Lineages.shuffles;
import static dev.eddy.rdd.Lineages.sortedStrings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A known partitioner saves shuffles: counted as the distinct shuffle dependencies of the lineage. */
class PartitionerReuseTest {
  private final EddyContext sc = new EddyContext("local[2]", "partitioner-reuse-test");
  private final HashPartitioner byFour = new HashPartitioner(4);

  @AfterEach
  void stop() {
    sc.stop();
  }

  private PairRDD<Integer, Integer> pairs(int n, int keys) {
    List<Tuple2<Integer, Integer>> data = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      data.add(new Tuple2<>(i % keys, i));
    }
    return sc.parallelizePairs(data, 3);
  }

  @Test
  void joinOfTwoCoPartitionedRDDsIsNarrow() {
    PairRDD<Integer, Integer> a = pairs(20, 5).partitionBy(byFour);
    PairRDD<Integer, Integer> b = pairs(10, 5).mapValues(v -> v * 100).partitionBy(byFour);
    PairRDD<Integer, Tuple2<Integer, Integer>> joined = a.join(b);
    assertEquals(2, shuffles(joined), "only the two partitionBy shuffles");
    assertEquals(byFour, joined.partitioner().orElseThrow());
    PairRDD<Integer, Tuple2<Integer, Integer>> unplaced = pairs(20, 5).join(pairs(10, 5).mapValues(v -> v * 100), byFour);
    assertEquals(2, shuffles(unplaced), "a shuffle per side");
    assertEquals(sortedStrings(unplaced.collect()), sortedStrings(joined.collect()));
    assertEquals(40, joined.count());
  }

  @Test
  void cogroupReadsAPlacedSideOneToOne() {
    PairRDD<Integer, Integer> placed = pairs(20, 5).partitionBy(byFour);
    PairRDD<Integer, Tuple2<Iterable<Integer>, Iterable<Integer>>> grouped = placed.cogroup(pairs(6, 3));
    assertEquals(2, shuffles(grouped), "the partitionBy and the unplaced side");
    RDD<?> cogrouped = grouped.rdd().dependencies().get(0).rdd();
    assertInstanceOf(OneToOneDependency.class, cogrouped.dependencies().get(0));
    assertInstanceOf(ShuffleDependency.class, cogrouped.dependencies().get(1));
    assertEquals(byFour, grouped.partitioner().orElseThrow(), "the default partitioner is the known one");
    assertEquals(5, grouped.count());
  }

  @Test
  void byKeyOperationsAfterPartitionByAddNoShuffle() {
    PairRDD<Integer, Integer> placed = pairs(100, 7).partitionBy(byFour);
    assertEquals(1, shuffles(placed));
    assertEquals(1, shuffles(placed.reduceByKey(Integer::sum)));
    assertEquals(1, shuffles(placed.reduceByKey(byFour, Integer::sum)));
    assertEquals(1, shuffles(placed.groupByKey()));
    assertEquals(1, shuffles(placed.mapValues(v -> v + 1).reduceByKey(Integer::sum)), "mapValues keeps the partitioner");
    assertEquals(1, shuffles(placed.filter(t -> t._2() > 3).foldByKey(0, Integer::sum)), "filter keeps the partitioner");
    assertEquals(2, shuffles(placed.reduceByKey(Integer::sum, 3)), "another partitioner shuffles again");
    assertEquals(2, shuffles(placed.mapToPair(t -> t).reduceByKey(Integer::sum)), "mapToPair may change keys");
    assertEquals(pairs(100, 7).reduceByKey(byFour, Integer::sum).collectAsMap(), placed.reduceByKey(Integer::sum).collectAsMap());
  }

  @Test
  void shuffleCountsOfTheOtherOperations() {
    RDD<Integer> numbers = sc.parallelize(List.of(3, 1, 2, 3), 2);
    assertEquals(1, shuffles(numbers.distinct()));
    assertEquals(2, shuffles(numbers.intersection(numbers)));
    assertEquals(1, shuffles(numbers.repartition(3)));
    assertEquals(0, shuffles(numbers.coalesce(1)));
    assertEquals(1, shuffles(numbers.sortBy(x -> x, true, 2)));
    assertEquals(0, shuffles(numbers.zip(numbers)));
    assertEquals(0, shuffles(numbers.cartesian(numbers)));
  }
}
