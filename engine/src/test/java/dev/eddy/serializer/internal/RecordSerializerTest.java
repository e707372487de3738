package dev.eddy.serializer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordSerializerTest {
  /** Components declared out of name order, a primitive of each width, a final and a non-final type. */
  record Mixed(String zeta, int alpha, long mid, double beta, boolean flag, Object any, List<String> names) {}

  record Inner(String label, int n) {}

  record Narrow(float f, short s, byte b, char c, long l) {}

  record Outer(Inner inner, Inner[] more, char c) {}

  record Checked(int positive) {
    Checked {
      if (positive <= 0) {
        throw new IllegalArgumentException("positive must be > 0, got " + positive);
      }
    }
  }

  private static final List<Object> VALUES = List.of(
      new Mixed("z", 1, 1L << 40, 2.5, true, 7, List.of("a", "b")),
      new Mixed(null, -1, 0L, Double.NaN, false, null, new ArrayList<>(List.of("c"))),
      new Mixed("any holds a record", 0, -5L, -0.0, true, new Inner("x", 3), List.of()),
      new Mixed("extremes", Integer.MIN_VALUE, Long.MAX_VALUE, Double.MIN_VALUE, false, 'c', List.of()),
      new Narrow(1.5f, (short) -300, (byte) -7, '\u00e9', Long.MIN_VALUE));

  private static Kryo eddy() {
    Kryo kryo = KryoFactory.create(false, true, List.of(), RecordSerializerTest.class.getClassLoader());
    kryo.register(Mixed.class);
    kryo.register(Inner.class);
    kryo.register(Narrow.class);
    return kryo;
  }

  /** Kryo configured the same way but keeping its own record serializer. */
  private static Kryo plainKryo() {
    Kryo kryo = eddy();
    kryo.register(Mixed.class, new com.esotericsoftware.kryo.serializers.RecordSerializer<>());
    kryo.register(Inner.class, new com.esotericsoftware.kryo.serializers.RecordSerializer<>());
    kryo.register(Narrow.class, new com.esotericsoftware.kryo.serializers.RecordSerializer<>());
    return kryo;
  }

  private static byte[] write(Kryo kryo, Object value) {
    Output out = new Output(256, -1);
    kryo.writeClassAndObject(out, value);
    return out.toBytes();
  }

  @Test
  void eddysKryoUsesItForEveryRecord() {
    Kryo kryo = eddy();
    assertInstanceOf(RecordSerializer.class, kryo.getSerializer(Mixed.class));
    assertInstanceOf(RecordSerializer.class, kryo.getSerializer(Outer.class), "unregistered records too");
  }

  @Test
  void writesTheSameBytesAsKryosOwnRecordSerializerAndReadsThem() {
    for (Object value : VALUES) {
      byte[] ours = write(eddy(), value);
      assertArrayEquals(write(plainKryo(), value), ours, value.toString());
      assertEquals(value.toString(), eddy().readClassAndObject(new Input(ours)).toString());
      assertEquals(value.toString(), plainKryo().readClassAndObject(new Input(ours)).toString());
    }
  }

  @Test
  void aCustomSerializerForAPrimitiveIsStillUsed() {
    Kryo kryo = eddy();
    com.esotericsoftware.kryo.Serializer<Integer> plusThousand = new com.esotericsoftware.kryo.Serializer<>() {
      @Override
      public void write(Kryo k, Output output, Integer value) {
        output.writeInt(value + 1000);
      }

      @Override
      public Integer read(Kryo k, Input input, Class<? extends Integer> type) {
        return input.readInt() - 1000;
      }
    };
    kryo.register(int.class, plusThousand);
    kryo.register(Integer.class, plusThousand);
    kryo.register(Checked.class, new RecordSerializer<>(kryo, Checked.class));
    kryo.setReferences(false); // no reference marker before the record: its bytes are just the int
    Output out = new Output(16);
    kryo.writeObject(out, new Checked(7));
    assertEquals(1007, new Input(out.toBytes()).readInt());
    assertEquals(new Checked(7), kryo.readObject(new Input(out.toBytes()), Checked.class));
  }

  @Test
  void nestedRecordsAndArraysOfRecordsRoundTrip() {
    Outer outer = new Outer(new Inner("in", 1), new Inner[] {new Inner("a", 2), null}, 'q');
    Outer back = (Outer) eddy().readClassAndObject(new Input(write(eddy(), outer)));
    assertEquals(outer.inner(), back.inner());
    assertArrayEquals(outer.more(), back.more());
    assertEquals('q', back.c());
  }

  @Test
  void readingRunsTheCanonicalConstructorWithItsChecks() {
    Kryo kryo = eddy();
    byte[] bytes = write(kryo, new Checked(5));
    assertEquals(new Checked(5), kryo.readClassAndObject(new Input(bytes)));
    bytes[bytes.length - 1] = 0; // the int 5, zig-zag varint 10, becomes 0
    KryoException e = assertThrows(KryoException.class, () -> eddy().readClassAndObject(new Input(bytes)));
    assertTrue(e.getMessage().contains("positive must be > 0, got 0"), e.getMessage());
  }
}
