package dev.eddy.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RDDTest {
  private final EddyContext sc = new EddyContext("local[2]", "rdd-test");

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void narrowTransformationsComposeInOrder() {
    RDD<String> lines = sc.parallelize(Arrays.asList("a b", "", "c d e", "f"), 3);
    List<String> words = lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator()).filter(w -> !w.isEmpty()).collect();
    assertEquals(List.of("a", "b", "c", "d", "e", "f"), words);
    assertEquals(List.of(3, 0, 5, 1), lines.map(String::length).collect());
    assertEquals(6, lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator()).filter(w -> !w.isEmpty()).count());
  }

  @Test
  void slicesFollowSparkAndMayBeEmpty() {
    RDD<Integer> rdd = sc.parallelize(List.of(1, 2), 5);
    assertEquals(5, rdd.getNumPartitions());
    assertEquals(List.of(0, 0, 1, 0, 1), sc.runJob(rdd, RDDTest::size));
    assertEquals(List.of(1, 2), rdd.map(x -> x * 1).collect());
    assertEquals(List.of(2, 3, 3), sc.runJob(sc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 3), RDDTest::size));
  }

  @Test
  void parallelizeCopiesTheList() {
    List<Integer> data = new ArrayList<>(List.of(1, 2));
    RDD<Integer> rdd = sc.parallelize(data);
    data.add(3);
    assertEquals(List.of(1, 2), rdd.collect());
  }

  @Test
  void nullsAreOrdinaryValues() {
    RDD<String> rdd = sc.parallelize(Arrays.asList("a", null, "b", null), 2);
    assertEquals(Arrays.asList("A", "null", "B", "null"), rdd.map(s -> s == null ? "null" : s.toUpperCase()).collect());
    assertEquals(Arrays.asList(null, null), rdd.filter(Objects::isNull).collect());
    assertEquals(Arrays.asList("a", null), rdd.take(2));
    assertEquals(4, rdd.count());
  }

  @Test
  void mapPartitionsSeesWholePartitions() {
    RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3, 4, 5), 2);
    assertEquals(List.of(3, 12), rdd.mapPartitions(it -> {
      int sum = 0;
      while (it.hasNext()) {
        sum += it.next();
      }
      return List.of(sum).iterator();
    }).collect());
  }

  @Test
  void takeFirstAndReduce() {
    RDD<Integer> rdd = sc.parallelize(List.of(5, 6, 7, 8, 9), 4);
    assertEquals(List.of(5, 6, 7), rdd.take(3));
    assertEquals(List.of(5, 6, 7, 8, 9), rdd.take(100));
    assertEquals(List.of(), rdd.take(0));
    assertEquals(5, rdd.first());
    assertEquals(35, rdd.reduce(Integer::sum));
    RDD<Integer> empty = sc.parallelize(List.<Integer>of(), 3);
    UnsupportedOperationException noFirst = assertThrows(UnsupportedOperationException.class, empty::first);
    assertTrue(noFirst.getMessage().startsWith("empty collection"), noFirst.getMessage());
    UnsupportedOperationException noReduce =
        assertThrows(UnsupportedOperationException.class, () -> empty.reduce(Integer::sum));
    assertEquals("empty collection", noReduce.getMessage());
  }

  @Test
  void unionKeepsPartitionsAndDuplicates() {
    RDD<Integer> a = sc.parallelize(List.of(1, 2), 2);
    RDD<Integer> b = sc.parallelize(List.of(2, 3), 1);
    RDD<Integer> union = a.union(b);
    assertEquals(3, union.getNumPartitions());
    assertEquals(List.of(1, 2, 2, 3), union.collect());
  }

  @Test
  void describesItselfAsSpark() {
    RDD<Integer> source = sc.parallelize(List.of(1, 2), 2);
    RDD<Integer> mapped = source.map(x -> x + 1);
    assertEquals("MapPartitionsRDD[" + mapped.id() + "] at map", mapped.toString());
    assertEquals("nums MapPartitionsRDD[" + mapped.id() + "] at map", mapped.setName("nums").toString());
    String debug = source.mapToPair(x -> new dev.eddy.api.Tuple2<>(x, 1)).reduceByKey(Integer::sum).toDebugString();
    String[] lines = debug.split("\n");
    assertEquals(3, lines.length, debug);
    assertTrue(lines[0].matches("\\(2\\) ShuffledRDD\\[\\d+] at reduceByKey"), debug);
    assertTrue(lines[1].matches(" \\+-\\(2\\) MapPartitionsRDD\\[\\d+] at mapToPair"), debug);
    assertTrue(lines[2].matches("   \\|  \\(2\\) ParallelCollectionRDD\\[\\d+] at parallelize"), debug);
  }

  @Test
  void transformationsAreLazy() {
    List<Integer> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    RDD<Integer> mapped = sc.parallelize(List.of(1, 2)).map(x -> {
      calls.add(x);
      return x;
    });
    assertEquals(List.of(), calls);
    mapped.collect();
    assertEquals(2, calls.size());
  }

  private static int size(Iterator<?> it) {
    int n = 0;
    for (; it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }
}
