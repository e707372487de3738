package dev.eddy.rdd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReservoirSampleTest {
  @Test
  void keepsEverythingWhenTheStreamIsShort() {
    ReservoirSample<String> s = ReservoirSample.of(List.of("a", "b").iterator(), 5, 1);
    assertEquals(List.of("a", "b"), s.sample());
    assertEquals(2, s.count());
  }

  @Test
  void samplesUniformlyAndDeterministically() {
    int[] hitsInFirstHalf = new int[1];
    for (int seed = 0; seed < 200; seed++) {
      ReservoirSample<Integer> s = ReservoirSample.of(IntStream.range(0, 1000).iterator(), 10, seed);
      assertEquals(1000, s.count());
      assertEquals(10, new HashSet<>(s.sample()).size());
      s.sample().forEach(x -> hitsInFirstHalf[0] += x < 500 ? 1 : 0);
    }
    // 2000 draws, half expected below 500: a biased reservoir (keeping the first k) would give 2000
    assertTrue(hitsInFirstHalf[0] > 900 && hitsInFirstHalf[0] < 1100, "hits " + hitsInFirstHalf[0]);
    assertEquals(ReservoirSample.of(IntStream.range(0, 1000).iterator(), 10, 7),
        ReservoirSample.of(IntStream.range(0, 1000).iterator(), 10, 7));
  }
}
