package dev.eddy.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShuffleManagerTest {
  @Test
  void readsABucketAcrossMapOutputsInMapOrderAndForgetsTheJob() {
    ShuffleManager shuffles = new ShuffleManager();
    shuffles.putMapOutput(1, 0, 1, 2, List.of(List.of("m1r0"), List.of("m1r1")));
    shuffles.putMapOutput(1, 0, 0, 2, List.of(List.of("m0r0"), List.of()));
    assertEquals(List.of("m0r0", "m1r0"), drain(shuffles, 1, 0, 0));
    assertEquals(List.of("m1r1"), drain(shuffles, 1, 0, 1));
    IllegalStateException other = assertThrows(IllegalStateException.class, () -> shuffles.read(2, 0, 0));
    assertTrue(other.getMessage().startsWith("No map outputs of shuffle 0 in job 2"),
        "another job does not see job 1's outputs");
    shuffles.registerShuffle(2, 0, 0);
    assertEquals(List.of(), drain(shuffles, 2, 0, 0), "a map stage without partitions writes nothing");
    shuffles.removeJob(1);
    shuffles.removeJob(2);
    assertEquals(0, shuffles.size());
  }

  @Test
  void aMissingMapOutputIsAnError() {
    ShuffleManager shuffles = new ShuffleManager();
    shuffles.putMapOutput(1, 0, 0, 2, List.of(List.of("x")));
    assertThrows(IllegalStateException.class, () -> shuffles.read(1, 0, 0));
  }

  private static List<Object> drain(ShuffleManager shuffles, int job, int shuffle, int reduce) {
    List<Object> out = new ArrayList<>();
    shuffles.read(job, shuffle, reduce).forEachRemaining(out::add);
    return out;
  }
}
