package dev.eddy.rdd;

import static dev.eddy.rdd.Lineages.causedBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.EddyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RDDActionsTest {
  private final EddyContext sc = new EddyContext("local[2]", "rdd-actions-test");

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void firstSkipsEmptyPartitionsAndFailsOnAnEmptyRDD() {
    assertEquals(7, sc.parallelize(List.of(7, 8), 5).first());
    UnsupportedOperationException empty =
        assertThrows(UnsupportedOperationException.class, () -> sc.emptyRDD().first());
    assertTrue(empty.getMessage().startsWith("empty collection"));
  }

  @Test
  void takeOrderedReturnsTheSmallestAcrossPartitions() {
    RDD<Integer> rdd = sc.parallelize(List.of(5, 1, 4, 2, 3, 9, 0), 3);
    assertEquals(List.of(0, 1, 2), rdd.takeOrdered(3));
    assertEquals(List.of(9, 5, 4), rdd.takeOrdered(3, Comparator.reverseOrder()));
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 9), rdd.takeOrdered(100));
    assertEquals(List.of(), rdd.takeOrdered(0));
    assertEquals(List.of(1, 2), sc.parallelize(List.of(2, 1), 5).takeOrdered(5));
    assertEquals(List.of(), sc.<Integer>emptyRDD().takeOrdered(2));
  }

  @Test
  void topReturnsTheLargestFirst() {
    RDD<Integer> rdd = sc.parallelize(List.of(5, 1, 4, 2, 3, 9, 0), 3);
    assertEquals(List.of(9, 5), rdd.top(2));
    assertEquals(List.of(0, 1), rdd.top(2, Comparator.reverseOrder()));
    RDD<String> words = sc.parallelize(List.of("bb", "a", "dddd", "ccc"), 2);
    assertEquals(List.of("dddd", "ccc"), words.top(2, Comparator.comparing(String::length)));
  }

  @Test
  void orderingANullFailsWithAClearError() {
    RDD<Integer> rdd = sc.parallelize(Arrays.asList(1, null, 2), 1);
    EddyException failed = assertThrows(EddyException.class, () -> rdd.takeOrdered(2));
    assertTrue(causedBy(failed, IllegalArgumentException.class, "Cannot order null by natural ordering"));
    assertEquals(Arrays.asList(null, 1), rdd.takeOrdered(2, Comparator.nullsFirst(Comparator.<Integer>naturalOrder())));
  }

  @Test
  void reduceMaxAndMin() {
    RDD<Integer> rdd = sc.parallelize(List.of(3, 8, 1, 6), 3);
    assertEquals(18, rdd.reduce(Integer::sum));
    assertEquals(8, rdd.max(Comparator.naturalOrder()));
    assertEquals(1, rdd.min(Comparator.naturalOrder()));
    assertEquals(1, sc.parallelize(List.of(1), 4).reduce(Integer::sum), "empty partitions are skipped");
    UnsupportedOperationException empty =
        assertThrows(UnsupportedOperationException.class, () -> sc.<Integer>emptyRDD().max(Comparator.naturalOrder()));
    assertEquals("empty collection", empty.getMessage());
  }

  @Test
  void foldStartsEachPartitionAndTheMergeFromZero() {
    RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3, 4), 2);
    assertEquals(10, rdd.fold(0, Integer::sum));
    // as Spark: (1 + 1 + 2) + (1 + 3 + 4) + 1
    assertEquals(13, rdd.fold(1, Integer::sum));
    assertEquals(4, sc.parallelize(List.<Integer>of(), 3).fold(1, Integer::sum));
    assertEquals(0, sc.<Integer>emptyRDD().fold(0, Integer::sum));
  }

  @Test
  void aggregateGivesEachPartitionItsOwnCopyOfAMutableZero() {
    RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3, 4, 5), 3);
    int[] zero = new int[2];
    int[] sumAndCount = rdd.aggregate(zero, (acc, x) -> {
      acc[0] += x;
      acc[1]++;
      return acc;
    }, (a, b) -> {
      a[0] += b[0];
      a[1] += b[1];
      return a;
    });
    assertArrayEquals(new int[] {15, 5}, sumAndCount);
    assertArrayEquals(new int[] {0, 0}, zero, "the caller's zero is not touched");
    List<Integer> all = rdd.aggregate(new ArrayList<Integer>(), (l, x) -> {
      l.add(x);
      return l;
    }, (a, b) -> {
      a.addAll(b);
      return a;
    });
    assertEquals(List.of(1, 2, 3, 4, 5), all);
  }

  @Test
  void foreachAndForeachPartitionRunOnEveryElementAndPartition() {
    RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3), 5);
    AtomicInteger sum = new AtomicInteger();
    rdd.foreach(sum::addAndGet);
    assertEquals(6, sum.get());
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger seen = new AtomicInteger();
    rdd.foreachPartition(it -> {
      calls.incrementAndGet();
      it.forEachRemaining(x -> seen.incrementAndGet());
    });
    assertEquals(5, calls.get(), "empty partitions are visited too");
    assertEquals(3, seen.get());
  }

  @Test
  void countByValueCountsNullToo() {
    RDD<String> rdd = sc.parallelize(Arrays.asList("a", "b", "a", null, null, null), 4);
    Map<String, Long> expected = new HashMap<>();
    expected.put("a", 2L);
    expected.put("b", 1L);
    expected.put(null, 3L);
    assertEquals(expected, rdd.countByValue());
    assertEquals(Map.of(), sc.emptyRDD().countByValue());
  }

  @Test
  void countByValueOfASkewedElement() {
    List<Integer> data = IntStream.range(0, 10_000).map(i -> 7).boxed().collect(Collectors.toList());
    data.add(8);
    assertEquals(Map.of(7, 10_000L, 8, 1L), sc.parallelize(data, 4).countByValue());
  }

  @Test
  void isEmpty() {
    assertTrue(sc.emptyRDD().isEmpty());
    assertTrue(sc.parallelize(List.of(), 3).isEmpty());
    assertFalse(sc.parallelize(List.of(1), 3).isEmpty());
    assertTrue(sc.parallelize(List.of(1, 2), 2).filter(x -> x > 5).isEmpty());
  }
}
