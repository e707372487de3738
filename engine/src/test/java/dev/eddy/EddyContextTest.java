package dev.eddy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.rdd.RDD;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EddyContextTest {
  @Test
  void parallelizeUsesDefaultParallelism() {
    EddyContext sc = new EddyContext("local[3]", "test");
    try {
      assertEquals(3, sc.defaultParallelism());
      assertEquals(3, sc.parallelize(List.of(1, 2, 3, 4)).getNumPartitions());
      assertEquals(5, sc.parallelize(List.of(1), 5).getNumPartitions());
    } finally {
      sc.stop();
    }
  }

  @Test
  void runJobReturnsOneResultPerPartitionInOrder() {
    EddyContext sc = new EddyContext("local[2]", "test");
    try {
      RDD<Integer> rdd = sc.parallelize(Arrays.asList(1, 2, 3, 4, 5, 6), 3);
      List<Integer> sums = sc.runJob(rdd, it -> {
        int s = 0;
        while (it.hasNext()) {
          s += it.next();
        }
        return s;
      });
      assertEquals(List.of(3, 7, 11), sums);
    } finally {
      sc.stop();
    }
  }

  @Test
  void actionsOnAStoppedContextFailClearly() {
    EddyContext sc = new EddyContext("local[2]", "test");
    RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3)).map(x -> x + 1);
    assertFalse(sc.isStopped());
    sc.stop();
    assertTrue(sc.isStopped());
    IllegalStateException e = assertThrows(IllegalStateException.class, rdd::collect);
    assertTrue(e.getMessage().startsWith("This EddyContext was stopped; create a new one"), e.getMessage());
    assertThrows(IllegalStateException.class, rdd::count);
    assertThrows(IllegalStateException.class, () -> sc.parallelize(List.of(1)).count());
    sc.stop();
  }

  @Test
  void emptyRddRunsNoTasks() {
    EddyContext sc = new EddyContext("local[2]", "test");
    try {
      RDD<String> empty = sc.emptyRDD();
      assertEquals(0, empty.getNumPartitions());
      assertEquals(List.of(), empty.collect());
      assertEquals(0, empty.map(String::length).count());
    } finally {
      sc.stop();
    }
  }
}
