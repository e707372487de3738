package dev.eddy.serializer;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Turns objects into bytes and back, one object at a time or as a stream, as Spark's {@code
 * org.apache.spark.serializer.Serializer} does. Eddy serializes only where the data leaves the heap
 * or must outlive it: shuffle spill, {@code _SER} storage levels, broadcast, the write-ahead log,
 * checkpoints and the state store. Narrow stages pass objects by reference.
 *
 * <p>{@code
 * Serializer s = Serializers.fromConf(Map.of("spark.serializer", "kryo"));
 * byte[] bytes = s.serialize(new Tuple2<>("a", 1));
 * Tuple2<String, Integer> back = s.deserialize(bytes);
 * }
 *
 * <p><b>Class loading.</b> Classes named in the bytes are resolved through the loader set with
 * {@link #setClassLoader}; when none is set, through the calling thread's context class loader at
 * the time of the call, falling back to the loader that loaded the serializer. Notebook snippet
 * classes live in JShell's own loader, so the kernel sets it (or the context loader) before
 * engine threads deserialize user types.
 *
 * <p><b>Thread-safety.</b> Implementations are thread-safe: one instance serves every thread. The
 * streams it opens are not; each belongs to one thread at a time.
 *
 * <p>Failures are reported as the unchecked {@link SerializationException}, except that a {@link
 * DeserializationStream} signals its end with {@link java.io.EOFException}.
 */
public interface Serializer {

  /** Returns a short name for display, such as {@code "kryo"} or {@code "java"}. */
  String name();

  /**
   * Returns the bytes of one object graph; {@code obj} may be null. The bytes are readable by
   * {@link #deserialize} of this serializer, or of another instance configured the same way.
   */
  byte[] serialize(Object obj);

  /**
   * Returns the object graph that {@link #serialize} wrote into {@code bytes}; null if null was
   * written. The result is cast unchecked to the caller's type.
   */
  <T> T deserialize(byte[] bytes);

  /**
   * Returns a stream that writes objects one after another into {@code out}. Closing the returned
   * stream closes {@code out}. Each object is an independent graph (references are not shared
   * between objects), so a reader may stop after any object.
   */
  SerializationStream serializeStream(OutputStream out);

  /**
   * Returns a stream that reads back the objects that a {@link #serializeStream} of this
   * serializer wrote into {@code in}. Closing the returned stream closes {@code in}.
   */
  DeserializationStream deserializeStream(InputStream in);

  /**
   * Sets the class loader used to resolve classes when reading (and, for Kryo, to find lambdas'
   * capturing classes when writing); {@code null} restores the default rule described above.
   * Takes effect for calls and streams started afterwards.
   */
  void setClassLoader(ClassLoader loader);

  /** Returns the class loader a call made now on this thread would use. Never null. */
  ClassLoader classLoader();
}
