package dev.eddy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link EddyContext#addStopHook}: what stop() runs before it stops the engine. */
class StopHooksTest {
  @Test
  void hooksRunOnceInOrderBeforeTheEngineStops() {
    EddyContext sc = new EddyContext("local[2]", "stop-hooks-test");
    List<String> ran = new CopyOnWriteArrayList<>();
    assertTrue(sc.addStopHook(() -> ran.add("first, counted " + sc.parallelize(List.of(1, 2, 3)).count())));
    Runnable removed = () -> ran.add("removed");
    assertTrue(sc.addStopHook(removed));
    assertTrue(sc.addStopHook(() -> {
      throw new IllegalStateException("a failing hook");
    }));
    assertTrue(sc.addStopHook(() -> ran.add("last")));
    sc.removeStopHook(removed);

    sc.stop();
    assertEquals(List.of("first, counted 3", "last"), ran, "jobs still run in a hook; a failing one is skipped");
    assertTrue(sc.isStopped());
    sc.stop();
    assertEquals(2, ran.size(), "hooks run once");
    assertFalse(sc.addStopHook(() -> ran.add("too late")));
  }
}
