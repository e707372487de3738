package dev.eddy.serializer;

import java.io.Closeable;
import java.io.Flushable;

/**
 * Writes a sequence of objects to an output stream; obtained from {@link
 * Serializer#serializeStream}. Not thread-safe: one writer at a time. Failures, including
 * failures of the underlying stream, are thrown as {@link SerializationException}.
 */
public interface SerializationStream extends Closeable, Flushable {

  /** Writes one object (null allowed) after the ones already written. */
  void writeObject(Object obj);

  /** Writes every element of {@code objects}, in order. */
  default void writeAll(Iterable<?> objects) {
    for (Object o : objects) {
      writeObject(o);
    }
  }

  /** Pushes buffered bytes to the underlying stream and flushes it. */
  @Override
  void flush();

  /** Flushes, then closes the underlying stream. Closing twice is harmless. */
  @Override
  void close();
}
