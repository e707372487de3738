package dev.eddy.serializer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.Tuple2;
import dev.eddy.serializer.Fixtures.Person;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StreamTest {
  private static final int COUNT = 10_000;

  private static List<Object> objects() {
    List<Object> objects = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      objects.add(switch (i % 4) {
        case 0 -> new Person("p" + i, i % 90, i);
        case 1 -> new Tuple2<>("k" + i, i);
        case 2 -> i % 8 == 2 ? null : "s" + i;
        default -> List.of(i, (long) i);
      });
    }
    return objects;
  }

  private static byte[] write(Serializer s, List<Object> objects) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SerializationStream out = s.serializeStream(bytes)) {
      out.writeAll(objects);
    }
    return bytes.toByteArray();
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void tenThousandObjectsReadBackWithReadObjectUntilEof(Serializer s) throws Exception {
    List<Object> objects = objects();
    byte[] bytes = write(s, objects);
    List<Object> back = new ArrayList<>();
    try (DeserializationStream in = s.deserializeStream(new ByteArrayInputStream(bytes))) {
      while (true) {
        try {
          back.add(in.readObject());
        } catch (EOFException end) {
          break;
        }
      }
      assertThrows(EOFException.class, in::readObject, "stays at the end");
    }
    assertEquals(objects, back);
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void iteratorEndsCleanly(Serializer s) {
    List<Object> objects = objects();
    Iterator<Object> it = s.deserializeStream(new ByteArrayInputStream(write(s, objects))).asIterator();
    List<Object> back = new ArrayList<>();
    it.forEachRemaining(back::add);
    assertEquals(objects, back);
    assertFalse(it.hasNext());
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void emptyInputAndEmptyStreamAreBothEmpty(Serializer s) {
    assertFalse(s.deserializeStream(new ByteArrayInputStream(new byte[0])).asIterator().hasNext());
    assertFalse(s.deserializeStream(new ByteArrayInputStream(write(s, List.of()))).asIterator().hasNext());
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void flushMakesObjectsReadableBeforeClose(Serializer s) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationStream out = s.serializeStream(bytes);
    out.writeObject("first");
    out.flush();
    try (DeserializationStream in = s.deserializeStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals("first", in.readObject());
    }
    out.close();
    out.close();
  }

  @Test
  void kryoTellsATruncatedStreamFromItsEnd() throws Exception {
    Serializer s = new KryoSerializer();
    byte[] bytes = write(s, List.of("complete", new Person("cut", 1, 2L)));
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);
    try (DeserializationStream in = s.deserializeStream(new ByteArrayInputStream(cut))) {
      assertEquals("complete", in.readObject());
      SerializationException e = assertThrows(SerializationException.class, in::readObject);
      assertTrue(e.getMessage().startsWith("kryo: cannot deserialize"), e.getMessage());
    }
  }

  @Test
  void kryoStreamsReturnTheirKryoSoManyStreamsCanBeOpenedInTurn() throws Exception {
    KryoSerializer s = new KryoSerializer();
    for (int i = 0; i < 1000; i++) {
      byte[] bytes = write(s, List.of(i));
      try (DeserializationStream in = s.deserializeStream(new ByteArrayInputStream(bytes))) {
        assertEquals(i, (int) in.readObject());
      }
    }
  }
}
