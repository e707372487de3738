package dev.eddy.broadcast;

import dev.eddy.EddyException;
import dev.eddy.serializer.SerializationException;
import dev.eddy.storage.BlockId;
import dev.eddy.storage.BlockManager;
import dev.eddy.storage.NotSerializable;
import dev.eddy.storage.StorageLevel;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;

/**
 * A read-only value shared with every task, as Spark's {@code Broadcast}; made with {@code
 * sc.broadcast(value)}.
 *
 * <pre>{@code
 * Broadcast<Map<String, Integer>> ranks = sc.broadcast(Map.of("a", 1, "b", 2));
 * words.map(w -> ranks.value().getOrDefault(w, 0)).collect();
 * }</pre>
 *
 * <p>As in Spark, the value is serialized once, when the broadcast is made, and kept in the
 * context's block manager; {@link #value()} deserializes it once and caches it. So changing the
 * original object afterwards does not change the broadcast, and every task sees the same copy
 * (which it must not mutate). {@link #unpersist()} drops the cached copy (the next {@link
 * #value()} reads the stored bytes again); {@link #destroy()} drops the bytes too, after which
 * {@link #value()} fails. Thread-safe.
 *
 * @param <T> the value's type; it must be serializable with the context's serializer
 */
public final class Broadcast<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long id;
  private final transient BlockManager blocks;
  private transient volatile T cached;
  private transient boolean cachedIsSet;
  private volatile boolean destroyed;

  /**
   * Serializes {@code value} into {@code blocks} as broadcast {@code id}; called by {@code
   * EddyContext.broadcast}.
   *
   * @throws dev.eddy.serializer.SerializationException naming the class if the value cannot be serialized
   */
  public Broadcast(long id, T value, BlockManager blocks) {
    this.id = id;
    this.blocks = blocks;
    try {
      blocks.put(BlockId.broadcast(id), Collections.singletonList(value), StorageLevel.MEMORY_AND_DISK_SER);
    } catch (SerializationException e) {
      throw new SerializationException("Cannot broadcast " + NotSerializable.describe(value) + " with the "
          + blocks.serializer().name() + " serializer", e.getCause());
    }
  }

  /** Returns the broadcast's id, unique within its context. */
  public long id() {
    return id;
  }

  /**
   * Returns the value, deserialized on first use and cached.
   *
   * @throws EddyException if the broadcast was destroyed
   */
  public T value() {
    assertValid();
    synchronized (this) {
      if (!cachedIsSet) {
        cached = read();
        cachedIsSet = true;
      }
      return cached;
    }
  }

  /** Drops the cached deserialized copy; the next {@link #value()} deserializes the stored bytes again. */
  public synchronized void unpersist() {
    cached = null;
    cachedIsSet = false;
  }

  /** Drops the value for good; {@link #value()} fails afterwards. Idempotent. */
  public synchronized void destroy() {
    destroyed = true;
    unpersist();
    if (blocks != null) {
      blocks.remove(BlockId.broadcast(id));
    }
  }

  /** Returns whether {@link #destroy()} has not been called. */
  public boolean isValid() {
    return !destroyed;
  }

  private T read() {
    if (blocks == null) {
      throw new EddyException(this + " was copied out of its context (serialized); use it inside the"
          + " EddyContext that made it");
    }
    List<T> stored = blocks.<T>get(BlockId.broadcast(id)).orElseThrow(() ->
        new EddyException("The value of " + this + " is no longer stored (its context was stopped?)"));
    return stored.get(0);
  }

  private void assertValid() {
    if (destroyed) {
      throw new EddyException("Attempted to use " + this + " after it was destroyed");
    }
  }

  /** Returns {@code "Broadcast(id)"}, as Spark. */
  @Override
  public String toString() {
    return "Broadcast(" + id + ")";
  }
}
