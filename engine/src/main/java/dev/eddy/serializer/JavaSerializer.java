package dev.eddy.serializer;

import dev.eddy.serializer.internal.ClassLoaderChoice;
import dev.eddy.serializer.internal.JavaStreams;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Serializes with the JDK's object streams ({@link java.io.ObjectOutputStream}), as Spark's {@code
 * JavaSerializer}. Every class in the graph must implement {@link java.io.Serializable}; output is
 * larger and slower than {@link KryoSerializer}'s, but it is the format every Java library
 * understands, and the semantics Spark applies to closures.
 *
 * <p>Reading resolves classes through the {@linkplain Serializer class-loader rule} by overriding
 * {@code ObjectInputStream.resolveClass}. A stream resets the writer's handle table every {@value
 * #RESET_EVERY} objects, as Spark does, so long streams do not pin every object written.
 *
 * <p>Thread-safe: it holds no per-call state.
 */
public final class JavaSerializer implements Serializer {
  /** How many objects a stream writes between {@code ObjectOutputStream.reset()} calls. */
  public static final int RESET_EVERY = 100;

  private final ClassLoaderChoice loaders = new ClassLoaderChoice(JavaSerializer.class.getClassLoader());

  @Override
  public String name() {
    return "java";
  }

  @Override
  public byte[] serialize(Object obj) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (SerializationStream out = serializeStream(bytes)) {
      out.writeObject(obj);
    }
    return bytes.toByteArray();
  }

  @Override
  public <T> T deserialize(byte[] bytes) {
    try (DeserializationStream in = deserializeStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (EOFException e) {
      throw new SerializationException("java: no object in " + bytes.length + " bytes", e);
    }
  }

  @Override
  public SerializationStream serializeStream(OutputStream out) {
    return JavaStreams.writer(out, RESET_EVERY);
  }

  @Override
  public DeserializationStream deserializeStream(InputStream in) {
    return JavaStreams.reader(in, loaders.current(), loaders);
  }

  @Override
  public void setClassLoader(ClassLoader loader) {
    loaders.set(loader);
  }

  @Override
  public ClassLoader classLoader() {
    return loaders.current();
  }

  @Override
  public String toString() {
    return "JavaSerializer";
  }
}
