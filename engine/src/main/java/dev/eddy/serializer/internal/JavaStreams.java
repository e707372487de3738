package dev.eddy.serializer.internal;

import dev.eddy.serializer.DeserializationStream;
import dev.eddy.serializer.SerializationException;
import dev.eddy.serializer.SerializationStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/** The JDK object-stream implementations of Eddy's stream interfaces. Not thread-safe. */
public final class JavaStreams {
  private static final int BUFFER = 64 * 1024;

  private JavaStreams() {}

  /** Returns a writer that resets the handle table every {@code resetEvery} objects. */
  public static SerializationStream writer(OutputStream out, int resetEvery) {
    try {
      return new Writer(new ObjectOutputStream(new BufferedOutputStream(out, BUFFER)), resetEvery);
    } catch (IOException e) {
      throw new SerializationException("java: cannot write the stream header", e);
    }
  }

  /** Returns a reader resolving classes through {@code loader}, then the rule's fallback. */
  public static DeserializationStream reader(InputStream in, ClassLoader loader, ClassLoaderChoice rule) {
    return new Reader(new BufferedInputStream(in, BUFFER), loader, rule);
  }

  private static final class Writer implements SerializationStream {
    private final ObjectOutputStream out;
    private final int resetEvery;
    private int sinceReset;
    private boolean closed;

    Writer(ObjectOutputStream out, int resetEvery) {
      this.out = out;
      this.resetEvery = resetEvery;
    }

    @Override
    public void writeObject(Object obj) {
      try {
        out.writeObject(obj);
        if (++sinceReset >= resetEvery) {
          out.reset();
          sinceReset = 0;
        }
      } catch (IOException e) {
        throw new SerializationException(
            "java: cannot serialize " + describe(obj) + ": " + e, e);
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new SerializationException("java: flush failed", e);
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.close();
      } catch (IOException e) {
        throw new SerializationException("java: close failed", e);
      }
    }
  }

  private static final class Reader implements DeserializationStream {
    private final InputStream raw;
    private final ClassLoader loader;
    private final ClassLoaderChoice rule;
    private ObjectInputStream in; // opened lazily: an empty input is an empty stream
    private boolean ended;

    Reader(InputStream raw, ClassLoader loader, ClassLoaderChoice rule) {
      this.raw = raw;
      this.loader = loader;
      this.rule = rule;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T readObject() throws EOFException {
      if (ended) {
        throw new EOFException("end of stream");
      }
      try {
        if (in == null) {
          raw.mark(1);
          if (raw.read() < 0) {
            ended = true;
            throw new EOFException("empty stream");
          }
          raw.reset();
          in = new LoaderObjectInputStream(raw, loader, rule);
        }
        return (T) in.readObject();
      } catch (EOFException e) {
        ended = true;
        throw e;
      } catch (ClassNotFoundException e) {
        throw new SerializationException(
            "java: class not found: " + e.getMessage() + " (class loader: " + loader + ")", e);
      } catch (IOException e) {
        throw new SerializationException("java: cannot deserialize: " + e, e);
      }
    }

    @Override
    public void close() {
      try {
        if (in != null) {
          in.close();
        } else {
          raw.close();
        }
      } catch (IOException e) {
        throw new SerializationException("java: close failed", e);
      }
    }
  }

  static String describe(Object obj) {
    return obj == null ? "null" : "an object of class " + obj.getClass().getName();
  }
}
