package dev.eddy.rdd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZeroValueTest {
  @Test
  void mutableZerosAreCopiedImmutableOnesShared() {
    List<Integer> zero = new ArrayList<>(List.of(1));
    ZeroValue<List<Integer>> zeros = ZeroValue.of(zero);
    List<Integer> a = zeros.copy();
    a.add(2);
    assertEquals(List.of(1), zeros.copy());
    assertNotSame(zero, zeros.copy());
    String s = "zero";
    assertSame(s, ZeroValue.of(s).copy());
    assertNull(ZeroValue.of(null).copy());
  }
}
