package dev.eddy.serializer.internal;

import dev.eddy.serializer.SerializationException;

/** Turns Kryo's exceptions into {@link SerializationException}s that say what was being done. */
public final class KryoErrors {
  private KryoErrors() {}

  /**
   * Explains a failure to write {@code obj}; a stack overflow (which Kryo wraps, with a trace as
   * long as the graph) is explained by {@link #tooDeep}.
   */
  public static SerializationException write(Object obj, RuntimeException e, boolean references) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof StackOverflowError overflow) {
        return tooDeep(obj, references, overflow);
      }
    }
    return new SerializationException(
        "kryo: cannot serialize " + JavaStreams.describe(obj) + ": " + e.getMessage(), e);
  }

  /** Explains a stack overflow while writing: a cycle without reference tracking, or a very deep graph. */
  public static SerializationException tooDeep(Object obj, boolean references, StackOverflowError e) {
    String why = references
        ? "the object graph is too deep for the thread's stack (nest less deeply or use a bigger -Xss)"
        : "the object graph is cyclic or too deep; reference tracking is off (spark.kryo.referenceTracking /"
            + " eddy.kryo.referenceTracking = false), which only supports acyclic data: set it to true";
    return new SerializationException("kryo: cannot serialize " + JavaStreams.describe(obj) + ": stack overflow: "
        + why, e);
  }

  public static SerializationException read(RuntimeException e) {
    return new SerializationException("kryo: cannot deserialize: " + e.getMessage(), e);
  }
}
