package dev.eddy.serializer;

import dev.eddy.serializer.internal.SerializationStack;
import java.util.List;

/**
 * Checks that a user function (a closure) can be serialized, and explains precisely why not, as
 * Spark's {@code ClosureCleaner.ensureSerializable} does when an RDD operation is defined.
 *
 * <p><b>Which semantics.</b> Eddy runs in one JVM and never needs to ship a closure, so nothing
 * inside Eddy serializes one. The check exists so that a notebook that works in Eddy also works
 * on Apache Spark, which always serializes closures with Java serialization (its {@code
 * spark.serializer} setting applies to data only). {@link #ensureSerializable(Object)} therefore
 * uses Java semantics: the closure and everything it captures must be {@link
 * java.io.Serializable}. Kryo with registration off would accept almost any captured object
 * (a socket, a connection pool) and hide the error until the code meets Spark. {@link
 * #ensureSerializable(Object, Serializer)} checks against a given serializer instead, for callers
 * that really do serialize the object with it.
 *
 * <p>{@code
 * ClosureChecks.ensureSerializable(f); // throws TaskNotSerializableException naming the field
 * }
 *
 * <p>Lambda captures are reported by position and type, since the JVM does not keep the names of
 * captured local variables; fields of captured objects and variables captured by anonymous
 * classes are reported by name. Stateless and thread-safe.
 */
public final class ClosureChecks {
  private static final Serializer JAVA = new JavaSerializer();

  private ClosureChecks() {}

  /**
   * Returns normally if {@code closure} (null allowed) serializes with Java serialization.
   *
   * @throws TaskNotSerializableException otherwise, with the serialization stack
   */
  public static void ensureSerializable(Object closure) {
    ensureSerializable(closure, JAVA);
  }

  /**
   * Returns normally if {@code closure} (null allowed) serializes with {@code serializer}.
   *
   * @throws TaskNotSerializableException otherwise, with the serialization stack
   */
  public static void ensureSerializable(Object closure, Serializer serializer) {
    try {
      serializer.serialize(closure);
    } catch (RuntimeException failure) {
      List<String> stack = SerializationStack.of(closure, o -> serializes(o, serializer));
      throw new TaskNotSerializableException(message(stack, serializer, failure), failure);
    }
  }

  private static boolean serializes(Object o, Serializer serializer) {
    try {
      serializer.serialize(o);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String message(List<String> stack, Serializer serializer, RuntimeException failure) {
    StringBuilder text = new StringBuilder("Task not serializable: ");
    if (stack.isEmpty()) {
      // the parts serialize alone but not together; report the serializer's own words
      text.append(failure.getMessage());
    } else {
      text.append(stack.get(0));
      if (stack.size() > 1) {
        text.append(", held by ").append(stack.get(1));
      }
      text.append(" (serializer: ").append(serializer.name()).append(')');
      text.append("\nSerialization stack:");
      for (String line : stack) {
        text.append("\n\t- ").append(line);
      }
      text.append("\nMake the class Serializable, mark the field transient, or create the object"
          + " inside the function instead of capturing it.");
    }
    return text.toString();
  }
}
