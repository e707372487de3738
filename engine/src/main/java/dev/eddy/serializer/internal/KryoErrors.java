package dev.eddy.serializer.internal;

import dev.eddy.serializer.SerializationException;

/** Turns Kryo's exceptions into {@link SerializationException}s that say what was being done. */
public final class KryoErrors {
  private KryoErrors() {}

  public static SerializationException write(Object obj, RuntimeException e) {
    return new SerializationException(
        "kryo: cannot serialize " + JavaStreams.describe(obj) + ": " + e.getMessage(), e);
  }

  public static SerializationException read(RuntimeException e) {
    return new SerializationException("kryo: cannot deserialize: " + e.getMessage(), e);
  }
}
