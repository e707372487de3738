package dev.eddy.rdd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopKTest {
  @Test
  void keepsTheKSmallestInOrder() {
    List<Integer> data = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      data.add(i);
    }
    Collections.shuffle(data, new Random(4));
    assertEquals(List.of(0, 1, 2, 3, 4), TopK.smallest(data.iterator(), 5, Comparator.naturalOrder()));
    assertEquals(List.of(9_999, 9_998), TopK.smallest(data.iterator(), 2, Comparator.reverseOrder()));
  }

  @Test
  void fewerElementsThanKDuplicatesAndNulls() {
    assertEquals(List.of(1, 1, 2), TopK.smallest(List.of(2, 1, 1).iterator(), 10, Comparator.naturalOrder()));
    assertEquals(List.of(), TopK.smallest(List.of(3).iterator(), 0, Comparator.naturalOrder()));
    assertEquals(Arrays.asList(null, null, 1),
        TopK.smallest(Arrays.asList(5, null, 1, null).iterator(), 3, Comparator.nullsFirst(Comparator.<Integer>naturalOrder())));
  }
}
