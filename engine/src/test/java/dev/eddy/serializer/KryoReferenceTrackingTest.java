package dev.eddy.serializer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.Tuple2;
import dev.eddy.serializer.Fixtures.Node;
import dev.eddy.serializer.Fixtures.Person;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kryo with {@code spark.kryo.referenceTracking=false}: acyclic data only. */
class KryoReferenceTrackingTest {
  private final KryoSerializer untracked = new KryoSerializer(false, false);

  @Test
  void onByDefaultAndOffByEitherKey() {
    assertTrue(new KryoSerializer().isReferenceTracking());
    assertTrue(((KryoSerializer) Serializers.fromConf(Map.of())).isReferenceTracking());
    for (String key : List.of("spark.kryo.referenceTracking", "eddy.kryo.referenceTracking")) {
      assertFalse(((KryoSerializer) Serializers.fromConf(Map.of(key, "false"))).isReferenceTracking(), key);
    }
  }

  @Test
  void referenceTrackingMustBeABoolean() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Serializers.fromConf(Map.of("spark.kryo.referenceTracking", "off")));
    assertEquals("Expected true or false for spark.kryo.referenceTracking, got 'off'", e.getMessage());
  }

  @Test
  void acyclicDataRoundTripsAloneAndInAStream() throws Exception {
    Object value = new Tuple2<>("k", List.of(new Person("a", 1, 2L), Map.of("x", 3)));
    assertEquals(value, untracked.deserialize(untracked.serialize(value)));

    List<Object> objects = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      objects.add(i % 2 == 0 ? new Person("p" + i, i % 90, i) : new Tuple2<>("k" + i, i));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SerializationStream out = untracked.serializeStream(bytes)) {
      out.writeAll(objects);
    }
    List<Object> back = new ArrayList<>();
    untracked.deserializeStream(new ByteArrayInputStream(bytes.toByteArray())).asIterator().forEachRemaining(back::add);
    assertEquals(objects, back);
  }

  @Test
  void aSharedObjectComesBackAsTwoCopies() {
    Person shared = new Person("s", 1, 1L);
    List<?> back = untracked.deserialize(untracked.serialize(new ArrayList<>(List.of(shared, shared))));
    assertEquals(back.get(0), back.get(1));
    assertNotSame(back.get(0), back.get(1));
  }

  @Test
  void aCycleFailsWithAMessageNamingTheSetting() {
    Node a = new Node("a");
    a.next.add(a);
    SerializationException e = assertThrows(SerializationException.class, () -> untracked.serialize(a));
    assertTrue(e.getMessage().contains("cyclic") && e.getMessage().contains("spark.kryo.referenceTracking"),
        e.getMessage());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationStream out = untracked.serializeStream(bytes);
    SerializationException inStream = assertThrows(SerializationException.class, () -> out.writeObject(a));
    assertTrue(inStream.getMessage().contains("cyclic"), inStream.getMessage());
    out.close();
    assertEquals("after", untracked.deserialize(untracked.serialize("after")), "the serializer still works");
  }

  @Test
  void aCycleStillRoundTripsWithTrackingOn() {
    Node a = new Node("a");
    a.next.add(a);
    Node back = new KryoSerializer().deserialize(new KryoSerializer().serialize(a));
    assertTrue(back.next.get(0) == back);
  }
}
