package dev.eddy.rdd.internal;

import dev.eddy.serializer.Serializer;
import dev.eddy.serializer.Serializers;
import java.util.Set;

/**
 * Hands out fresh copies of the zero value of {@code fold}, {@code aggregate},
 * {@code foldByKey} and {@code aggregateByKey}, as Spark does by serializing it: each partition (or
 * key) starts from its own copy, so a mutable zero such as an {@code ArrayList} that the user
 * function updates in place is never shared. Null, strings, boxed primitives and enums are
 * immutable and handed out as they are. Thread-safe.
 */
public final class ZeroValue<T> {
  private static final Set<Class<?>> IMMUTABLE = Set.of(
      String.class, Integer.class, Long.class, Double.class, Float.class, Short.class, Byte.class,
      Character.class, Boolean.class);

  private final T value;
  private final byte[] bytes;
  private final Serializer serializer;

  private ZeroValue(T value, byte[] bytes, Serializer serializer) {
    this.value = value;
    this.bytes = bytes;
    this.serializer = serializer;
  }

  /** Returns a source of copies of {@code zero}, which is serialized once, now. */
  public static <T> ZeroValue<T> of(T zero) {
    if (zero == null || IMMUTABLE.contains(zero.getClass()) || zero instanceof Enum<?>) {
      return new ZeroValue<>(zero, null, null);
    }
    Serializer serializer = Serializers.kryo();
    ClassLoader loader = zero.getClass().getClassLoader();
    if (loader != null) {
      serializer.setClassLoader(loader);
    }
    return new ZeroValue<>(null, serializer.serialize(zero), serializer);
  }

  /** Returns a copy of the zero value that no other caller sees. */
  public T copy() {
    return bytes == null ? value : serializer.deserialize(bytes);
  }
}
