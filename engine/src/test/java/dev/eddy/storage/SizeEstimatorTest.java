package dev.eddy.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.Tuple2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeEstimatorTest {
  record Point(int x, int y) {}

  @Test
  void sizesFollowTheCompressedPointerLayout() {
    assertEquals(0, SizeEstimator.estimate(null));
    assertEquals(16, SizeEstimator.estimate(42));
    assertEquals(24, SizeEstimator.estimate(42L));
    assertEquals(24 + 24, SizeEstimator.estimate("abcdefgh")); // String shell + 8-byte array
    assertEquals(24, SizeEstimator.estimate(new Point(1, 2))); // header 12 + two ints, aligned
    assertEquals(16 + 8 * 10, SizeEstimator.estimate(new long[10]));
    // a Tuple2 with two boxed ints: 12 + 2 refs = 20 -> 24, plus 16 + 16
    assertEquals(24 + 16 + 16, SizeEstimator.estimate(new Tuple2<>(1000, 2000)));
  }

  @Test
  void sharedObjectsCountOnceWithinOneGraph() {
    String shared = "x".repeat(100);
    long one = SizeEstimator.estimate(new Tuple2<>(shared, null));
    long both = SizeEstimator.estimate(new Tuple2<>(shared, shared));
    assertEquals(one, both);
  }

  @Test
  void largeListsAreSampledAndScaled() {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      points.add(new Point(i, i));
    }
    long estimate = SizeEstimator.estimateList(points);
    long exact = 24 + (16 + 4 * 10_000) + 24L * 10_000;
    assertEquals(exact, estimate);
    assertTrue(SizeEstimator.estimateList(points.subList(0, 100)) < estimate / 50);
  }
}
