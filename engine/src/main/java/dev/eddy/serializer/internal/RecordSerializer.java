package dev.eddy.serializer.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Writes records in the byte format of Kryo's own {@code RecordSerializer} (components sorted by
 * name, primitives as their registered serializers write them, final types without a class id),
 * but finds the accessors and the canonical constructor once per record class instead of once per
 * object, and writes primitives without boxing while Kryo's default serializers handle them: Kryo 5.6's serializer looks them up by reflection for every object, which made a
 * stream of records several times slower than one of plain classes. One instance per record
 * class and per Kryo; not thread-safe, like the Kryo that owns it.
 */
public final class RecordSerializer<T> extends Serializer<T> {
  private final Component[] byName;
  private final MethodHandle constructor;

  /** One component: its accessor, its place in the canonical constructor, how it is written. */
  private record Component(String name, Class<?> type, int index, MethodHandle accessor, boolean exactType,
      Primitive primitive) {}

  /**
   * Primitives written straight to the buffer, in the format of Kryo's default serializers for
   * them (used only while those serializers are the registered ones); {@code BOXED} otherwise.
   */
  private enum Primitive {
    INT(int.class, Integer.class, DefaultSerializers.IntSerializer.class),
    LONG(long.class, Long.class, DefaultSerializers.LongSerializer.class),
    DOUBLE(double.class, Double.class, DefaultSerializers.DoubleSerializer.class),
    FLOAT(float.class, Float.class, DefaultSerializers.FloatSerializer.class),
    BOOLEAN(boolean.class, Boolean.class, DefaultSerializers.BooleanSerializer.class),
    BYTE(byte.class, Byte.class, DefaultSerializers.ByteSerializer.class),
    SHORT(short.class, Short.class, DefaultSerializers.ShortSerializer.class),
    CHAR(char.class, Character.class, DefaultSerializers.CharSerializer.class),
    BOXED(null, null, null);

    final Class<?> type;
    final Class<?> wrapper;
    final Class<?> defaultSerializer;

    Primitive(Class<?> type, Class<?> wrapper, Class<?> defaultSerializer) {
      this.type = type;
      this.wrapper = wrapper;
      this.defaultSerializer = defaultSerializer;
    }

    static Primitive of(Kryo kryo, Class<?> type) {
      for (Primitive p : values()) {
        // Kryo writes a primitive component with its wrapper's serializer and reads it with the primitive's
        if (p.type == type && kryo.getSerializer(type).getClass() == p.defaultSerializer
            && kryo.getSerializer(p.wrapper).getClass() == p.defaultSerializer) {
          return p;
        }
      }
      return BOXED;
    }
  }

  /** Called by Kryo (through its reflection serializer factory) for each record class it meets. */
  public RecordSerializer(Kryo kryo, Class<T> type) {
    super(false, true);
    if (!type.isRecord()) {
      throw new KryoException("Not a record: " + type.getName());
    }
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] parameterTypes = new Class<?>[components.length];
    byName = new Component[components.length];
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    try {
      for (int i = 0; i < components.length; i++) {
        RecordComponent rc = components[i];
        Method accessor = rc.getAccessor();
        accessor.setAccessible(true);
        Class<?> componentType = rc.getType();
        Primitive primitive = Primitive.of(kryo, componentType);
        Class<?> returned = primitive == Primitive.BOXED ? Object.class : componentType;
        MethodHandle handle = lookup.unreflect(accessor).asType(MethodType.methodType(returned, Object.class));
        byName[i] = new Component(rc.getName(), componentType, i, handle,
            componentType.isPrimitive() || kryo.isFinal(componentType), primitive);
        parameterTypes[i] = componentType;
      }
      Constructor<T> canonical = type.getDeclaredConstructor(parameterTypes);
      canonical.setAccessible(true);
      constructor = lookup.unreflectConstructor(canonical)
          .asSpreader(Object[].class, components.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new KryoException("Cannot access the components or canonical constructor of record " + type.getName()
          + ": " + e.getMessage(), e);
    }
    Arrays.sort(byName, Comparator.comparing(Component::name));
  }

  @Override
  public void write(Kryo kryo, Output output, T object) {
    for (Component c : byName) {
      try {
        writeComponent(kryo, output, object, c);
      } catch (KryoException e) {
        throw traced(e, c);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw traced(new KryoException("Accessor failed: " + t, t), c);
      }
    }
  }

  private static void writeComponent(Kryo kryo, Output output, Object object, Component c) throws Throwable {
    MethodHandle get = c.accessor;
    switch (c.primitive) {
      case INT -> output.writeVarInt((int) get.invokeExact(object), false);
      case LONG -> output.writeVarLong((long) get.invokeExact(object), false);
      case DOUBLE -> output.writeDouble((double) get.invokeExact(object));
      case FLOAT -> output.writeFloat((float) get.invokeExact(object));
      case BOOLEAN -> output.writeBoolean((boolean) get.invokeExact(object));
      case BYTE -> output.writeByte((byte) get.invokeExact(object));
      case SHORT -> output.writeShort((short) get.invokeExact(object));
      case CHAR -> output.writeChar((char) get.invokeExact(object));
      case BOXED -> {
        Object value = (Object) get.invokeExact(object);
        if (c.type.isPrimitive()) {
          kryo.writeObject(output, value);
        } else if (c.exactType) {
          kryo.writeObjectOrNull(output, value, c.type);
        } else {
          kryo.writeClassAndObject(output, value);
        }
      }
      default -> throw new IllegalStateException(c.primitive.name());
    }
  }

  @Override
  public T read(Kryo kryo, Input input, Class<? extends T> type) {
    Object[] values = new Object[byName.length];
    for (Component c : byName) {
      try {
        Object value = switch (c.primitive) {
          case INT -> input.readVarInt(false);
          case LONG -> input.readVarLong(false);
          case DOUBLE -> input.readDouble();
          case FLOAT -> input.readFloat();
          case BOOLEAN -> input.readBoolean();
          case BYTE -> input.readByte();
          case SHORT -> input.readShort();
          case CHAR -> input.readChar();
          case BOXED -> null;
        };
        if (c.primitive != Primitive.BOXED) {
          values[c.index] = value;
        } else if (c.type.isPrimitive()) {
          values[c.index] = kryo.readObject(input, c.type);
        } else if (c.exactType) {
          values[c.index] = kryo.readObjectOrNull(input, c.type);
        } else {
          values[c.index] = kryo.readClassAndObject(input);
        }
      } catch (KryoException e) {
        throw traced(e, c);
      }
    }
    try {
      @SuppressWarnings("unchecked")
      T record = (T) (Object) constructor.invokeExact(values);
      return record;
    } catch (Throwable t) {
      throw new KryoException("Canonical constructor of " + type.getName() + " failed: " + t, t);
    }
  }

  private static KryoException traced(KryoException e, Component c) {
    e.addTrace(c.name + " (" + c.type.getName() + ")");
    return e;
  }
}
