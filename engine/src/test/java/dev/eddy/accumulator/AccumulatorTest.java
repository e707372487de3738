package dev.eddy.accumulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.EddyException;
import dev.eddy.TaskContext;
import dev.eddy.rdd.RDD;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccumulatorTest {
  private final EddyContext sc = new EddyContext("local[2]", "accumulator-test");

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void successfulTasksAreMergedIntoTheDriversValue() {
    LongAccumulator longs = sc.longAccumulator("longs");
    DoubleAccumulator doubles = sc.doubleAccumulator("doubles");
    CollectionAccumulator<Integer> seen = sc.collectionAccumulator("seen");
    sc.parallelize(List.of(1, 2, 3, 4), 3).foreach(x -> {
      longs.add(x);
      doubles.add(x / 2.0);
      seen.add(x);
    });
    assertEquals(10L, longs.value());
    assertEquals(4, longs.count());
    assertEquals(2.5, longs.avg());
    assertEquals(5.0, doubles.sum());
    assertEquals(List.of(1, 2, 3, 4), seen.value().stream().sorted().toList());
    assertEquals(Optional.of("longs"), longs.name());
    assertTrue(longs.toString().matches("LongAccumulator\\(id: \\d+, name: Some\\(longs\\), value: 10\\)"));
  }

  @Test
  void aTaskAddsToItsOwnCopyUntilItSucceeds() {
    LongAccumulator acc = sc.longAccumulator("copies");
    List<Long> seenInTask = sc.parallelize(List.of(5), 1).map(x -> {
      acc.add(x);
      return acc.value(); // the driver's value: this task's add is not merged yet
    }).collect();
    assertEquals(List.of(0L), seenInTask);
    assertEquals(5L, acc.value());
  }

  @Test
  void aFailedTasksAddsAreNotCounted() {
    EddyContext one = new EddyContext("local[1]", "accumulator-failure");
    try {
      LongAccumulator acc = one.longAccumulator("partial");
      // partition 0 is [1, 2] and succeeds; partition 1 is [3, 10, 20] and fails after adding
      RDD<Integer> rdd = one.parallelize(List.of(1, 2, 3, 10, 20), 2);
      EddyException e = assertThrows(EddyException.class, () -> rdd.foreach(x -> {
        acc.add(x);
        if (x == 20) {
          throw new IllegalStateException("boom");
        }
      }));
      assertEquals("boom", e.getCause().getMessage());
      assertEquals(3L, acc.value());
      assertEquals(2, acc.count());
    } finally {
      one.stop();
    }
  }

  @Test
  void aCachedRddCountsItsAddsOnce() {
    LongAccumulator mapped = sc.longAccumulator("mapped");
    RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3), 2).map(x -> {
      mapped.add(1);
      return x;
    }).cache();
    rdd.collect();
    rdd.collect();
    assertEquals(3L, mapped.value());
  }

  @Test
  void anUnregisteredAccumulatorCannotBeUsedInATask() {
    LongAccumulator unregistered = new LongAccumulator();
    unregistered.add(1); // the driver may
    EddyException e = assertThrows(EddyException.class,
        () -> sc.parallelize(List.of(1), 1).foreach(unregistered::add));
    assertTrue(e.getCause().getMessage().startsWith("Accumulator must be registered"), e.getCause().getMessage());
    sc.register(unregistered, null);
    IllegalStateException twice = assertThrows(IllegalStateException.class, () -> sc.register(unregistered, "x"));
    assertTrue(twice.getMessage().startsWith("Cannot register the Accumulator multiple times"));
  }

  @Test
  void zeroCopyResetAndMergeFollowSpark() {
    LongAccumulator a = new LongAccumulator();
    assertTrue(a.isZero());
    a.add(4L);
    a.add(6);
    LongAccumulator copy = a.copy();
    assertEquals(10L, copy.value());
    a.reset();
    assertTrue(a.isZero());
    assertTrue(a.copyAndReset().isZero());
    a.merge(copy);
    assertEquals(10L, a.sum());
    assertEquals(2, a.count());
    assertTrue(Double.isNaN(new DoubleAccumulator().avg()));
    CollectionAccumulator<String> c = new CollectionAccumulator<>();
    c.add("x");
    assertFalse(c.isZero());
    assertThrows(UnsupportedOperationException.class, () -> c.value().add("y"));
    assertEquals(null, TaskContext.get());
  }
}
