package dev.eddy.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.EddyException;
import dev.eddy.serializer.ClosureChecks;
import dev.eddy.serializer.SerializationException;
import dev.eddy.storage.BlockId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BroadcastTest {
  private final EddyContext sc = new EddyContext("local[2]", "broadcast-test");

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void tasksReadTheValueAsItWasWhenBroadcast() {
    List<String> words = new ArrayList<>(List.of("a", "b"));
    Broadcast<List<String>> known = sc.broadcast(words);
    words.add("c");
    assertEquals(List.of("a", "b"), known.value());
    List<Boolean> found = sc.parallelize(List.of("a", "c", "b"), 2).map(w -> known.value().contains(w)).collect();
    assertEquals(List.of(true, false, true), found);
    assertSame(known.value(), known.value(), "deserialized once, then cached");
    assertTrue(sc.blockManager().contains(BlockId.broadcast(known.id())));
    ClosureChecks.ensureSerializable(known); // a closure capturing it stays portable to Spark
  }

  @Test
  void unpersistRereadsAndDestroyForbidsUse() {
    Broadcast<Map<String, Integer>> ranks = sc.broadcast(Map.of("a", 1));
    Broadcast<Integer> other = sc.broadcast(7);
    assertTrue(other.id() != ranks.id());
    Map<String, Integer> first = ranks.value();
    ranks.unpersist();
    assertEquals(first, ranks.value());
    assertNotSame(first, ranks.value());

    ranks.destroy();
    assertFalse(ranks.isValid());
    assertFalse(sc.blockManager().contains(BlockId.broadcast(ranks.id())));
    EddyException e = assertThrows(EddyException.class, ranks::value);
    assertEquals("Attempted to use Broadcast(" + ranks.id() + ") after it was destroyed", e.getMessage());
    ranks.destroy();
    assertEquals(7, other.value());
  }

  @Test
  void aValueTheSerializerCannotWriteIsRefusedAtOnce() {
    EddyContext java = new EddyContext(new EddyConf(false).setMaster("local[1]").set("eddy.serializer", "java"));
    try {
      SerializationException e = assertThrows(SerializationException.class, () -> java.broadcast(new Object()));
      assertTrue(e.getMessage().startsWith("Cannot broadcast object not serializable (class: java.lang.Object"),
          e.getMessage());
      assertTrue(e.getMessage().endsWith(") with the java serializer"), e.getMessage());
    } finally {
      java.stop();
    }
  }
}
