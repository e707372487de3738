package dev.eddy.rdd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplersTest {
  private static List<Integer> drain(java.util.Iterator<Integer> it) {
    List<Integer> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void poissonCountsHaveTheFractionAsMean() {
    List<Integer> sample = drain(Samplers.poisson(Collections.nCopies(20_000, 1).iterator(), 1.5, new Random(3)));
    assertTrue(Math.abs(sample.size() - 30_000) < 600, "size " + sample.size());
    int[] perElement = new int[10_000];
    drain(Samplers.poisson(IntStream.range(0, 10_000).boxed().iterator(), 1.0, new Random(4))).forEach(x -> perElement[x]++);
    long zeros = java.util.Arrays.stream(perElement).filter(c -> c == 0).count();
    // P(0) = e^-1 = 0.368 for Poisson(1)
    assertTrue(Math.abs(zeros - 3_679) < 200, "elements drawn zero times: " + zeros);
  }

  @Test
  void bernoulliEdgesKeepAllOrNothing() {
    assertEquals(List.of(1, 2, 3), drain(Samplers.bernoulli(List.of(1, 2, 3).iterator(), 1.0, new Random(1))));
    assertEquals(List.of(), drain(Samplers.bernoulli(List.of(1, 2, 3).iterator(), 0.0, new Random(1))));
    assertEquals(List.of(), drain(Samplers.poisson(List.of(1, 2, 3).iterator(), 0.0, new Random(1))));
  }
}
