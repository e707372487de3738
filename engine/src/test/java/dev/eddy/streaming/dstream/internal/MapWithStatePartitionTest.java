package dev.eddy.streaming.dstream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.Function4;
import dev.eddy.api.Tuple2;
import dev.eddy.streaming.State;
import dev.eddy.streaming.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MapWithStatePartitionTest {
  @Test
  void aBatchChangesACopyAndLeavesThePreviousPartitionAsItWas() {
    MapWithStatePartition<String, Integer, String> before =
        MapWithStatePartition.of(List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2)).iterator(), new Time(1000));
    List<String> calls = new ArrayList<>();
    Function4<Time, String, Optional<Integer>, State<Integer>, Optional<String>> f = (t, k, v, s) -> {
      calls.add(k);
      if (k.equals("b")) {
        s.remove();
      } else {
        s.update(s.getOption().orElse(0) + v.orElse(0));
      }
      return Optional.of(k + "@" + t.milliseconds());
    };
    MapWithStatePartition<String, Integer, String> after = before.next(
        List.of(new Tuple2<>("a", 5), new Tuple2<>("b", 1), new Tuple2<>("c", 7)).iterator(), f, new Time(2000),
        Optional.empty());
    assertEquals(List.of("a", "b", "c"), calls);
    assertEquals(List.of("a@2000", "b@2000", "c@2000"), after.mapped());
    assertEquals(Map.of("a", new MapWithStatePartition.Entry<>(6, 2000), "c", new MapWithStatePartition.Entry<>(7, 2000)),
        after.states());
    assertEquals(Map.of("a", new MapWithStatePartition.Entry<>(1, 1000), "b", new MapWithStatePartition.Entry<>(2, 1000)),
        before.states());
  }

  @Test
  void withATimeoutKeysWithValuesAreRefreshedAndIdleOnesTimeOut() {
    MapWithStatePartition<String, Integer, String> before = MapWithStatePartition.of(
        List.of(new Tuple2<>("idle", 1), new Tuple2<>("busy", 2)).iterator(), new Time(1000));
    Function4<Time, String, Optional<Integer>, State<Integer>, Optional<String>> readOnly =
        (t, k, v, s) -> Optional.of(k + (s.isTimingOut() ? " out" : " in"));
    MapWithStatePartition<String, Integer, String> after = before.next(
        List.of(new Tuple2<>("busy", 9)).iterator(), readOnly, new Time(4000), Optional.of(new Time(2000)));
    assertEquals(List.of("busy in", "idle out"), after.mapped());
    // not updated by the function, but refreshed since a timeout is set, as Spark
    assertEquals(Map.of("busy", new MapWithStatePartition.Entry<>(2, 4000)), after.states());
  }

  @Test
  void stateFollowsSparksRules() {
    StateImpl<String> state = new StateImpl<>();
    state.wrap(false, null);
    assertFalse(state.exists());
    assertEquals(Optional.empty(), state.getOption());
    assertThrows(NoSuchElementException.class, state::get);
    assertEquals("State[<state not set>]", state.toString());
    state.update("x");
    assertTrue(state.exists());
    assertEquals("x", state.get());
    state.remove();
    assertThrows(IllegalArgumentException.class, () -> state.update("y"));
    assertThrows(IllegalArgumentException.class, state::remove);
    state.wrapTimingOut("old");
    assertTrue(state.isTimingOut());
    assertEquals("old", state.get());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> state.update("new"));
    assertEquals("Cannot update the state that is timing out", e.getMessage());
    assertThrows(IllegalArgumentException.class, state::remove);
  }
}
