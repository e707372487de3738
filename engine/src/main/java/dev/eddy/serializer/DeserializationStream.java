package dev.eddy.serializer;

import java.io.Closeable;
import java.io.EOFException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads back, in order, the objects a {@link SerializationStream} wrote; obtained from {@link
 * Serializer#deserializeStream}. Not thread-safe: one reader at a time.
 *
 * <p>{@code
 * try (DeserializationStream in = serializer.deserializeStream(Files.newInputStream(spill))) {
 *   in.asIterator().forEachRemaining(sink);
 * }
 * }
 */
public interface DeserializationStream extends Closeable {

  /**
   * Returns the next object (possibly null).
   *
   * @throws EOFException when the stream ended cleanly, at an object boundary
   * @throws SerializationException when the bytes are truncated or corrupt, a class cannot be
   *     found, or the underlying stream fails
   */
  <T> T readObject() throws EOFException;

  /** Closes the underlying stream. Closing twice is harmless. */
  @Override
  void close();

  /**
   * Returns an iterator over the remaining objects that ends at the clean end of the stream and
   * then closes it. It shares this stream's position: do not mix it with {@link #readObject}.
   */
  default <T> Iterator<T> asIterator() {
    return new Iterator<>() {
      private T next;
      private boolean ready;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (!ready && !done) {
          try {
            next = readObject();
            ready = true;
          } catch (EOFException eof) {
            done = true;
            close();
          }
        }
        return ready;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("end of stream");
        }
        ready = false;
        T result = next;
        next = null;
        return result;
      }
    };
  }
}
