package dev.eddy.rdd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eddy.api.Function;
import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CombinerMapTest {
  private static final Function<Integer, List<Integer>> START = v -> new ArrayList<>(List.of(v));
  private static final Function2<List<Integer>, Integer, List<Integer>> APPEND = (c, v) -> {
    c.add(v);
    return c;
  };

  @Test
  void combinesValuesPerKeyInFirstSeenOrder() {
    CombinerMap<String, List<Integer>> map = new CombinerMap<>(4);
    map.addValue("b", 1, START, APPEND);
    map.addValue("a", 2, START, APPEND);
    map.addValue("b", 3, START, APPEND);
    map.addValue(null, 4, START, APPEND);
    map.addValue(null, 5, START, APPEND);
    assertEquals(List.of(new Tuple2<>("b", List.of(1, 3)), new Tuple2<>("a", List.of(2)),
        new Tuple2<>(null, List.of(4, 5))), map.toPairs());
  }

  @Test
  void growsPastItsInitialSizeAndKeepsEveryKey() {
    CombinerMap<Integer, Integer> map = new CombinerMap<>(1);
    for (int round = 0; round < 3; round++) {
      for (int k = 0; k < 1000; k++) {
        // keys 0, 65536, 131072... share low bits, so probing is exercised
        map.addValue(k * 65536, 1, v -> v, Integer::sum);
      }
    }
    assertEquals(1000, map.size());
    List<Tuple2<Integer, Integer>> pairs = map.toPairs();
    for (int k = 0; k < 1000; k++) {
      assertEquals(new Tuple2<>(k * 65536, 3), pairs.get(k));
    }
  }

  @Test
  void aNullCombinerIsAValueAndACheckedExceptionIsWrapped() {
    CombinerMap<String, String> map = new CombinerMap<>(2);
    map.addValue("k", "x", v -> null, (c, v) -> c == null ? "was null" : "not null");
    map.addValue("k", "y", v -> null, (c, v) -> c == null ? "was null" : "not null");
    assertEquals(List.of(new Tuple2<>("k", "was null")), map.toPairs());
    IOException io = new IOException("disk");
    UserFunctionException e = assertThrows(UserFunctionException.class,
        () -> map.addValue("new", "z", v -> {
          throw io;
        }, (c, v) -> c));
    assertSame(io, e.getCause());
  }
}
