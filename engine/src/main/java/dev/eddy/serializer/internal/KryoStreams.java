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

  /**
   * The pooled Kryo a stream holds from open to close: keeps class names across the stream's
   * objects, forgets them every {@link #CLASS_NAMES_RESET_INTERVAL} objects, and hands the Kryo
   * back on close, marked unusable once an object failed halfway.
   */
  private static final class HeldKryo {
    private final BiConsumer<KryoSlot, Boolean> release;
    private KryoSlot slot;
    private boolean healthy = true;
    private int sinceNamesReset;

    HeldKryo(KryoSlot slot, BiConsumer<KryoSlot, Boolean> release) {
      this.slot = slot;
      this.release = release;
      slot.kryo.keepClassNames();
    }

    boolean closed() {
      return slot == null;
    }

    EddyKryo kryo() {
      return slot.kryo;
    }

    void failed() {
      healthy = false;
    }

    /** Counts one object written or read, forgetting class names at the interval. */
    void counted() {
      if (++sinceNamesReset == CLASS_NAMES_RESET_INTERVAL) {
        sinceNamesReset = 0;
        slot.kryo.forgetClassNames();
      }
    }

    /** Runs the stream's own {@code close}, then returns the Kryo to its pool; idempotent. */
    void close(Runnable close) {
      if (slot == null) {
        return;
      }
      KryoSlot held = slot;
      slot = null;
      try {
        close.run();
      } catch (KryoException e) {
        throw new SerializationException("kryo: close failed: " + e.getMessage(), e);
      } finally {
        held.kryo.endKeepingClassNames();
        release.accept(held, healthy);
      }
    }
  }

  private static final class Writer implements SerializationStream {
    private final Output out;
    private final HeldKryo held;

    Writer(Output out, KryoSlot slot, BiConsumer<KryoSlot, Boolean> release) {
      this.out = out;
      this.held = new HeldKryo(slot, release);
    }

    @Override
    public void writeObject(Object obj) {
      if (held.closed()) {
        throw new SerializationException("kryo: stream is closed");
      }
      try {
        held.kryo().writeClassAndObject(out, obj);
      } catch (KryoException | IllegalArgumentException e) {
        held.failed();
        throw KryoErrors.write(obj, e, held.kryo().getReferences());
      } catch (StackOverflowError e) {
        held.failed();
        throw KryoErrors.tooDeep(obj, held.kryo().getReferences(), e);
      }
      held.counted();
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
      held.close(out::close);
    }
  }

  private static final class Reader implements DeserializationStream {
    private final Input in;
    private final HeldKryo held;

    Reader(Input in, KryoSlot slot, BiConsumer<KryoSlot, Boolean> release) {
      this.in = in;
      this.held = new HeldKryo(slot, release);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T readObject() throws EOFException {
      if (held.closed()) {
        throw new EOFException("stream is closed");
      }
      try {
        if (in.end()) {
          throw new EOFException("end of stream");
        }
        T result = (T) held.kryo().readClassAndObject(in);
        held.counted();
        return result;
      } catch (KryoException | IllegalArgumentException e) {
        held.failed();
        throw KryoErrors.read(e);
      }
    }

    @Override
    public void close() {
      held.close(in::close);
    }
  }
}
