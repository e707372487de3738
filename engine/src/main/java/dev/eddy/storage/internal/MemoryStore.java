package dev.eddy.storage.internal;

import dev.eddy.storage.BlockId;
import dev.eddy.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds block copies in memory under a byte budget, evicting the least recently used copies to
 * make room, as Spark's {@code MemoryStore}. A copy is either a list of objects (sized by
 * estimate) or serialized bytes (sized exactly).
 *
 * <p>As in Spark, a put never evicts copies of its own RDD (that would only trade one partition
 * for another of the same dataset) nor other copies of its own block. Not thread-safe: the
 * {@code BlockManager} guards it with its lock.
 */
public final class MemoryStore {

  /** One stored copy: a {@code List} of objects or a {@code byte[]}, its size and its level. */
  public record Entry(Object payload, long size, StorageLevel level) {
    public boolean isBytes() {
      return payload instanceof byte[];
    }
  }

  private final long maxBytes;
  private final LinkedHashMap<CopyId, Entry> entries = new LinkedHashMap<>(); // least recently used first
  private long usedBytes;

  public MemoryStore(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Stores {@code entry} if it fits, evicting least recently used copies if needed. Returns the
   * evicted copies (for the caller to move to disk or drop), or empty if the entry cannot fit,
   * in which case nothing was evicted.
   */
  public Optional<List<Map.Entry<CopyId, Entry>>> put(CopyId id, Entry entry) {
    remove(id);
    long needed = usedBytes + entry.size() - maxBytes;
    List<CopyId> victims = new ArrayList<>();
    for (Iterator<Map.Entry<CopyId, Entry>> it = entries.entrySet().iterator(); needed > 0 && it.hasNext(); ) {
      Map.Entry<CopyId, Entry> candidate = it.next();
      if (evictable(candidate.getKey().block(), id.block())) {
        victims.add(candidate.getKey());
        needed -= candidate.getValue().size();
      }
    }
    if (needed > 0) {
      return Optional.empty();
    }
    List<Map.Entry<CopyId, Entry>> evicted = new ArrayList<>();
    for (CopyId victim : victims) {
      evicted.add(Map.entry(victim, remove(victim)));
    }
    entries.put(id, entry);
    usedBytes += entry.size();
    return Optional.of(evicted);
  }

  /** Returns the copy and marks it most recently used, or null. */
  public Entry get(CopyId id) {
    Entry entry = entries.remove(id);
    if (entry != null) {
      entries.put(id, entry);
    }
    return entry;
  }

  /** Returns the copy without marking it used, or null. */
  public Entry peek(CopyId id) {
    return entries.get(id);
  }

  public boolean isPresent(CopyId id) {
    return entries.containsKey(id);
  }

  /** Removes the copy and returns it, or null if it was not here. */
  public Entry remove(CopyId id) {
    Entry removed = entries.remove(id);
    if (removed != null) {
      usedBytes -= removed.size();
    }
    return removed;
  }

  public long usedBytes() {
    return usedBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Removes everything. */
  public void clear() {
    entries.clear();
    usedBytes = 0;
  }

  private static boolean evictable(BlockId candidate, BlockId incoming) {
    if (candidate.equals(incoming)) {
      return false;
    }
    return !(candidate instanceof BlockId.Rdd c && incoming instanceof BlockId.Rdd i && c.rddId() == i.rddId());
  }
}
