package dev.eddy.serializer.internal;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.eddy.serializer.DeserializationStream;
import dev.eddy.serializer.SerializationException;
import dev.eddy.serializer.SerializationStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BiConsumer;

/**
 * Kryo implementations of Eddy's stream interfaces. Each stream holds one pooled Kryo from open
 * to close and returns it through {@code release} (with {@code true} if it is still reusable).
 * Objects are written with {@code writeClassAndObject} and Kryo's auto-reset of references, so
 * each is an independent graph; the names of unregistered classes, however, are kept across
 * objects (written once, then as ids) and forgotten every {@link #CLASS_NAMES_RESET_INTERVAL}
 * objects by writer and reader alike, so the name table stays small. Not thread-safe.
 */
public final class KryoStreams {
  private static final int BUFFER = 64 * 1024;
  /** Objects after which both sides forget class names; part of the stream format. */
  public static final int CLASS_NAMES_RESET_INTERVAL = 1 << 16;

  private KryoStreams() {}

  public static SerializationStream writer(OutputStream out, KryoSlot slot, BiConsumer<KryoSlot, Boolean> release) {
    return new Writer(new Output(out, BUFFER), slot, release);
  }

  public static DeserializationStream reader(InputStream in, KryoSlot slot, BiConsumer<KryoSlot, Boolean> release) {
    return new Reader(new Input(in, BUFFER), slot, release);
  }

  private static final class Writer implements SerializationStream {
    private final Output out;
    private final BiConsumer<KryoSlot, Boolean> release;
    private KryoSlot slot;
    private boolean healthy = true;
    private int sinceNamesReset;

    Writer(Output out, KryoSlot slot, BiConsumer<KryoSlot, Boolean> release) {
      this.out = out;
      this.slot = slot;
      this.release = release;
      slot.kryo.keepClassNames();
    }

    @Override
    public void writeObject(Object obj) {
      if (slot == null) {
        throw new SerializationException("kryo: stream is closed");
      }
      try {
        slot.kryo.writeClassAndObject(out, obj);
      } catch (KryoException | IllegalArgumentException e) {
        healthy = false;
        throw KryoErrors.write(obj, e, slot.kryo.getReferences());
      } catch (StackOverflowError e) {
        healthy = false;
        throw KryoErrors.tooDeep(obj, slot.kryo.getReferences(), e);
      }
      if (++sinceNamesReset == CLASS_NAMES_RESET_INTERVAL) {
        sinceNamesReset = 0;
        slot.kryo.forgetClassNames();
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (KryoException e) {
        throw new SerializationException("kryo: flush failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      if (slot == null) {
        return;
      }
      KryoSlot held = slot;
      slot = null;
      try {
        out.close();
      } catch (KryoException e) {
        throw new SerializationException("kryo: close failed: " + e.getMessage(), e);
      } finally {
        held.kryo.endKeepingClassNames();
        release.accept(held, healthy);
      }
    }
  }

  private static final class Reader implements DeserializationStream {
    private final Input in;
    private final BiConsumer<KryoSlot, Boolean> release;
    private KryoSlot slot;
    private boolean healthy = true;
    private int sinceNamesReset;

    Reader(Input in, KryoSlot slot, BiConsumer<KryoSlot, Boolean> release) {
      this.in = in;
      this.slot = slot;
      this.release = release;
      slot.kryo.keepClassNames();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T readObject() throws EOFException {
      if (slot == null) {
        throw new EOFException("stream is closed");
      }
      try {
        if (in.end()) {
          throw new EOFException("end of stream");
        }
        T result = (T) slot.kryo.readClassAndObject(in);
        if (++sinceNamesReset == CLASS_NAMES_RESET_INTERVAL) {
          sinceNamesReset = 0;
          slot.kryo.forgetClassNames();
        }
        return result;
      } catch (KryoException | IllegalArgumentException e) {
        healthy = false;
        throw KryoErrors.read(e);
      }
    }

    @Override
    public void close() {
      if (slot == null) {
        return;
      }
      KryoSlot held = slot;
      slot = null;
      try {
        in.close();
      } catch (KryoException e) {
        throw new SerializationException("kryo: close failed: " + e.getMessage(), e);
      } finally {
        held.kryo.endKeepingClassNames();
        release.accept(held, healthy);
      }
    }
  }
}
