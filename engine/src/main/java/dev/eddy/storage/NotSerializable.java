package dev.eddy.storage;

import dev.eddy.serializer.SerializationException;
import dev.eddy.serializer.Serializer;

/** Builds the errors for data that a serializing storage level, a broadcast or a checkpoint cannot write. */
public final class NotSerializable {
  private static final int MAX_VALUE_CHARS = 80;

  private NotSerializable() {}

  /** Returns Spark's "object not serializable (class: ..., value: ...)" for an element of a block. */
  static SerializationException element(
      BlockId id, StorageLevel level, Serializer serializer, Object value, RuntimeException cause) {
    return new SerializationException(
        "Cannot store block " + id.name() + " at " + level.description() + " with the " + serializer.name()
            + " serializer: " + describe(value) + ". Use a serializable element type or a deserialized"
            + " level (MEMORY_ONLY).",
        cause);
  }

  /** Returns {@code "object not serializable (class: C, value: V)"}. */
  public static String describe(Object value) {
    String text;
    try {
      text = String.valueOf(value);
    } catch (RuntimeException e) {
      text = "<toString failed>";
    }
    if (text.length() > MAX_VALUE_CHARS) {
      text = text.substring(0, MAX_VALUE_CHARS) + "...";
    }
    return "object not serializable (class: " + (value == null ? "null" : value.getClass().getName())
        + ", value: " + text + ")";
  }
}
