package dev.eddy.serializer.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
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
 * name, primitives through their registered serializers, final types without a class id), but
 * finds the accessors and the canonical constructor once per record class instead of once per
 * object: Kryo 5.6's serializer looks them up by reflection for every object, which made a
 * stream of records several times slower than one of plain classes. One instance per record
 * class and per Kryo; not thread-safe, like the Kryo that owns it.
 */
public final class RecordSerializer<T> extends Serializer<T> {
  private final Component[] byName;
  private final MethodHandle constructor;

  /** One component: its accessor, its place in the canonical constructor, how it is written. */
  private record Component(String name, Class<?> type, int index, MethodHandle accessor, boolean exactType) {}

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
        MethodHandle handle = lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
        Class<?> componentType = rc.getType();
        byName[i] = new Component(rc.getName(), componentType, i, handle,
            componentType.isPrimitive() || kryo.isFinal(componentType));
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
      Object value;
      try {
        value = c.accessor.invokeExact((Object) object);
      } catch (Throwable t) {
        throw traced(new KryoException("Accessor failed: " + t, t), c);
      }
      try {
        if (c.type.isPrimitive()) {
          kryo.writeObject(output, value);
        } else if (c.exactType) {
          kryo.writeObjectOrNull(output, value, c.type);
        } else {
          kryo.writeClassAndObject(output, value);
        }
      } catch (KryoException e) {
        throw traced(e, c);
      }
    }
  }

  @Override
  public T read(Kryo kryo, Input input, Class<? extends T> type) {
    Object[] values = new Object[byName.length];
    for (Component c : byName) {
      try {
        if (c.type.isPrimitive()) {
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
