package dev.eddy.serializer.internal;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * One pooled Kryo with its reusable buffers, and the registration generation it was built for.
 * Used by one thread between obtain and free.
 */
public final class KryoSlot {
  private static final int INITIAL_BUFFER = 4 * 1024;
  /** Buffers that grew past this are dropped on release rather than pinned by the pool. */
  private static final int MAX_RETAINED_BUFFER = 1024 * 1024;
  private static final byte[] EMPTY = new byte[0];

  public final EddyKryo kryo;
  public final int generation;
  private final Output output = new Output(INITIAL_BUFFER, -1);
  private final Input input = new Input(EMPTY);

  public KryoSlot(EddyKryo kryo, int generation) {
    this.kryo = kryo;
    this.generation = generation;
  }

  /** Returns the reusable output, emptied. */
  public Output output() {
    output.reset();
    return output;
  }

  /** Returns the reusable input, reading {@code bytes}. */
  public Input input(byte[] bytes) {
    input.setBuffer(bytes);
    return input;
  }

  /** Lets go of the caller's bytes and of an overgrown output buffer before pooling. */
  public void clear() {
    input.setBuffer(EMPTY);
    if (output.getBuffer().length > MAX_RETAINED_BUFFER) {
      output.setBuffer(new byte[INITIAL_BUFFER], -1);
    }
  }
}
