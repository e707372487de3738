package dev.eddy.storage;

import dev.eddy.serializer.DeserializationStream;
import dev.eddy.serializer.SerializationStream;
import dev.eddy.serializer.Serializer;
import dev.eddy.storage.internal.CopyId;
import dev.eddy.storage.internal.DiskStore;
import dev.eddy.storage.internal.MemoryStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps blocks (cached RDD partitions, broadcast values) in memory and on disk, as Spark's {@code
 * BlockManager}; each {@code EddyContext} owns one ({@code sc.blockManager()}).
 *
 * <pre>{@code
 * rdd.persist(StorageLevel.MEMORY_AND_DISK());
 * rdd.count();                                   // computes and stores each partition
 * rdd.count();                                   // reads them back
 * sc.blockManager().metrics().hits();            // one per partition
 * }</pre>
 *
 * <p><b>Memory.</b> Copies in memory share a budget of {@code eddy.storage.memory.bytes}.
 * Deserialized copies are sized by {@link SizeEstimator}, serialized ones by their bytes. To make
 * room, the least recently used copies of other RDDs are evicted: to disk when their level uses
 * disk, otherwise dropped, and their partitions are recomputed from lineage when next needed. A
 * partition that does not fit even then goes to disk if its level allows, or is not stored.
 *
 * <p><b>Disk.</b> Files are written through the context's {@link Serializer} in a directory
 * deleted by {@link #stop()}. A copy read from disk goes back into memory when its level uses
 * memory and it fits (evicting others as a put would); its file stays.
 *
 * <p><b>Copies.</b> A {@code _2} level keeps two independent copies of each block (separate
 * objects, bytes or files), standing in for Spark's replica on a second executor; reads use the
 * first copy still present. {@link #dropCopy} loses one, as a lost executor would.
 *
 * <p>Unlike Spark, a partition is materialized as a list before it is stored. Two tasks that miss
 * the same block at once both compute it; the first to store it wins. Thread-safe.
 */
public final class BlockManager {
  private final Serializer serializer;
  private final MemoryStore memory;
  private final DiskStore disk;
  private final Map<BlockId, StorageLevel> levels = new HashMap<>();
  private long hits;
  private long misses;
  private long evictions;

  /**
   * Creates a block manager.
   *
   * @param serializer writes serialized and disk copies
   * @param memoryBytes the budget for copies in memory
   * @param dir where block files go; created on first write, deleted by {@link #stop()}
   */
  public BlockManager(Serializer serializer, long memoryBytes, Path dir) {
    if (memoryBytes < 0) {
      throw new IllegalArgumentException("memory budget must not be negative: " + memoryBytes);
    }
    this.serializer = serializer;
    this.memory = new MemoryStore(memoryBytes);
    this.disk = new DiskStore(dir);
  }

  /** Returns the serializer used for serialized and disk copies. */
  public Serializer serializer() {
    return serializer;
  }

  /**
   * Returns the block's values from the first copy present, computing and storing them at
   * {@code level} when no copy is; counts a hit or a miss.
   */
  public <T> Iterator<T> getOrElseUpdate(BlockId id, StorageLevel level, Supplier<Iterator<T>> compute) {
    Optional<List<T>> stored = get(id);
    synchronized (this) {
      if (stored.isPresent()) {
        hits++;
      } else {
        misses++;
      }
    }
    if (stored.isPresent()) {
      return stored.get().iterator();
    }
    List<T> values = new ArrayList<>();
    compute.get().forEachRemaining(values::add);
    put(id, values, level);
    return values.iterator();
  }

  /**
   * Returns the block's values from the first copy present, or empty. A copy read from disk is
   * put back into memory when its level uses memory, as Spark does. Counts neither hit nor miss.
   */
  public <T> Optional<List<T>> get(BlockId id) {
    Object payload = null;
    CopyId fromDisk = null;
    StorageLevel level;
    synchronized (this) {
      level = levels.get(id);
      if (level == null) {
        return Optional.empty();
      }
      for (int copy = 0; copy < level.replication() && payload == null; copy++) {
        CopyId copyId = new CopyId(id, copy);
        MemoryStore.Entry entry = memory.get(copyId);
        payload = entry != null ? entry.payload() : disk.get(copyId);
        fromDisk = entry == null && payload != null ? copyId : null;
      }
    }
    if (payload == null) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<T> values = payload instanceof byte[] bytes ? deserialize(bytes) : (List<T>) payload;
    if (fromDisk != null && level.useMemory()) {
      promote(fromDisk, level, values, (byte[]) payload);
    }
    return Optional.of(values);
  }

  /** Puts a copy read from disk back into memory if it fits; the disk copy stays. */
  private synchronized void promote(CopyId id, StorageLevel level, List<?> values, byte[] bytes) {
    if (!level.equals(levels.get(id.block())) || memory.isPresent(id)) {
      return; // removed or promoted meanwhile
    }
    MemoryStore.Entry entry = level.deserialized()
        ? new MemoryStore.Entry(Collections.unmodifiableList(values), SizeEstimator.estimateList(values), level)
        : new MemoryStore.Entry(bytes, bytes.length, level);
    memory.put(id, entry).ifPresent(evicted -> evicted.forEach(e -> evict(e.getKey(), e.getValue())));
  }

  /**
   * Stores {@code values} as block {@code id} at {@code level}, in {@code level.replication()}
   * copies, unless the block is already stored. Returns whether at least one copy is stored.
   *
   * @throws dev.eddy.serializer.SerializationException naming the element's class when the level
   *     serializes and an element cannot be serialized
   */
  public boolean put(BlockId id, List<?> values, StorageLevel level) {
    if (!level.isValid()) {
      throw new IllegalArgumentException("Cannot store block " + id.name() + " at " + level);
    }
    boolean needsBytes = !level.deserialized() || !level.useMemory() || level.replication() > 1;
    byte[] bytes = needsBytes ? serialize(id, level, values) : null;
    synchronized (this) {
      if (levels.containsKey(id)) {
        return true;
      }
      levels.put(id, level);
      boolean stored = false;
      for (int copy = 0; copy < level.replication(); copy++) {
        stored |= putCopy(new CopyId(id, copy), values, bytes, level);
      }
      if (!stored) {
        levels.remove(id);
      }
      return stored;
    }
  }

  private boolean putCopy(CopyId id, List<?> values, byte[] bytes, StorageLevel level) {
    if (level.useMemory()) {
      MemoryStore.Entry entry = level.deserialized()
          ? deserializedEntry(id, values, bytes, level)
          : new MemoryStore.Entry(bytes.clone(), bytes.length, level);
      Optional<List<Map.Entry<CopyId, MemoryStore.Entry>>> evicted = memory.put(id, entry);
      if (evicted.isPresent()) {
        evicted.get().forEach(e -> evict(e.getKey(), e.getValue()));
        return true;
      }
    }
    if (level.useDisk()) {
      disk.put(id, bytes != null ? bytes : serialize(id.block(), level, values));
      return true;
    }
    return false;
  }

  private MemoryStore.Entry deserializedEntry(CopyId id, List<?> values, byte[] bytes, StorageLevel level) {
    // the second copy is rebuilt from bytes, as a replica received by another executor would be
    List<?> copy = id.copy() == 0 ? Collections.unmodifiableList(values) : deserialize(bytes);
    return new MemoryStore.Entry(copy, SizeEstimator.estimateList(copy), level);
  }

  private void evict(CopyId id, MemoryStore.Entry entry) {
    evictions++;
    if (entry.level().useDisk() && !disk.contains(id)) {
      byte[] bytes = entry.isBytes()
          ? (byte[]) entry.payload()
          : serialize(id.block(), entry.level(), (List<?>) entry.payload());
      disk.put(id, bytes);
    }
    if (!memory.isPresent(id) && !disk.contains(id) && !anyCopy(id.block())) {
      levels.remove(id.block());
    }
  }

  /** Removes every copy of the block; returns whether there was one. */
  public synchronized boolean remove(BlockId id) {
    StorageLevel level = levels.remove(id);
    if (level == null) {
      return false;
    }
    for (int copy = 0; copy < level.replication(); copy++) {
      CopyId copyId = new CopyId(id, copy);
      memory.remove(copyId);
      disk.remove(copyId);
    }
    return true;
  }

  /** Removes every cached partition of RDD {@code rddId}; returns how many blocks were removed. */
  public synchronized int removeRdd(int rddId) {
    List<BlockId> ids = levels.keySet().stream()
        .filter(b -> b instanceof BlockId.Rdd r && r.rddId() == rddId)
        .toList();
    ids.forEach(this::remove);
    return ids.size();
  }

  /**
   * Loses copy {@code copy} (0 or 1) of the block, in memory and on disk, as when the executor
   * holding it is lost; reads then use the other copy if the level kept two. Returns whether that
   * copy existed.
   */
  public synchronized boolean dropCopy(BlockId id, int copy) {
    CopyId copyId = new CopyId(id, copy);
    boolean dropped = memory.remove(copyId) != null;
    dropped |= disk.remove(copyId);
    if (!anyCopy(id)) {
      levels.remove(id);
    }
    return dropped;
  }

  /** Returns where the block's copies are, or empty if none is stored. */
  public synchronized Optional<BlockStatus> status(BlockId id) {
    StorageLevel level = levels.get(id);
    if (level == null) {
      return Optional.empty();
    }
    int inMemory = 0;
    int onDisk = 0;
    long memorySize = 0;
    long diskSize = 0;
    for (int copy = 0; copy < level.replication(); copy++) {
      CopyId copyId = new CopyId(id, copy);
      MemoryStore.Entry entry = memory.peek(copyId);
      if (entry != null) {
        inMemory++;
        memorySize += entry.size();
      }
      if (disk.contains(copyId)) {
        onDisk++;
        diskSize += disk.size(copyId);
      }
    }
    return Optional.of(new BlockStatus(level, inMemory, onDisk, memorySize, diskSize));
  }

  /** Returns whether any copy of the block is stored. */
  public synchronized boolean contains(BlockId id) {
    return levels.containsKey(id);
  }

  /** Returns a snapshot of the counters and usage. */
  public synchronized StorageMetrics metrics() {
    return new StorageMetrics(
        hits, misses, evictions, memory.usedBytes(), memory.maxBytes(), disk.usedBytes(), levels.size());
  }

  /** Drops every block and deletes the block files. */
  public synchronized void stop() {
    levels.clear();
    memory.clear();
    disk.clear();
  }

  private boolean anyCopy(BlockId id) {
    for (int copy = 0; copy < 2; copy++) {
      CopyId copyId = new CopyId(id, copy);
      if (memory.isPresent(copyId) || disk.contains(copyId)) {
        return true;
      }
    }
    return false;
  }

  private byte[] serialize(BlockId id, StorageLevel level, List<?> values) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SerializationStream out = serializer.serializeStream(bytes)) {
      for (Object value : values) {
        try {
          out.writeObject(value);
        } catch (RuntimeException e) {
          throw NotSerializable.element(id, level, serializer, value, e);
        }
      }
    }
    return bytes.toByteArray();
  }

  private <T> List<T> deserialize(byte[] bytes) {
    List<T> values = new ArrayList<>();
    try (DeserializationStream in = serializer.deserializeStream(new ByteArrayInputStream(bytes))) {
      in.<T>asIterator().forEachRemaining(values::add);
    }
    return values;
  }
}
