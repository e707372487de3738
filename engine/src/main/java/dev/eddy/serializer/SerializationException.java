package dev.eddy.serializer;

/**
 * Thrown when an object cannot be serialized or deserialized; the message names the serializer
 * and the class involved, and the cause carries the library's own error.
 */
public class SerializationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SerializationException(String message, Throwable cause) {
    super(message, cause);
  }

  public SerializationException(String message) {
    super(message);
  }
}
