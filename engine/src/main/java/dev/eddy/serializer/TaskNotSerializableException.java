package dev.eddy.serializer;

/**
 * Thrown by {@link ClosureChecks} when a function given to the engine cannot be serialized. The
 * message starts with {@code "Task not serializable: "}, as Spark's does, and carries a
 * "Serialization stack" that names the offending object and the field (or captured argument)
 * that holds it, outermost last.
 */
public class TaskNotSerializableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskNotSerializableException(String message, Throwable cause) {
    super(message, cause);
  }
}
