package dev.eddy.shuffle;

import dev.eddy.storage.BlockId;
import dev.eddy.storage.SizeEstimator;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one map task's shuffle output, as Spark's shuffle writers do: records go into a buffer
 * per reduce partition ({@link #add}). Every {@value #CHECK_EVERY} records the buffer's size is
 * estimated and reserved from the shuffle's memory budget; when the reservation fails the buffer
 * is spilled to a file and emptied. {@link #commit()} stores the spilled segments and the last buffer as the map
 * output. Closing an uncommitted writer (the task failed) releases its memory and deletes its
 * files.
 *
 * <p>Not thread-safe: one writer per map task.
 */
public final class ShuffleWriter implements AutoCloseable {
  /** Records between two estimates of the buffer's size. */
  static final int CHECK_EVERY = 1000;

  private final ShuffleManager manager;
  private final int jobId;
  private final int shuffleId;
  private final int mapId;
  private final int numMaps;
  private final int numReduces;
  private final List<ShuffleManager.Part> parts = new ArrayList<>();
  private List<List<Object>> records;
  private long reserved;
  private int sinceCheck;
  private boolean done;

  ShuffleWriter(ShuffleManager manager, int jobId, int shuffleId, int mapId, int numMaps, int numReduces) {
    this.manager = manager;
    this.jobId = jobId;
    this.shuffleId = shuffleId;
    this.mapId = mapId;
    this.numMaps = numMaps;
    this.numReduces = numReduces;
  }

  /** Adds a record for reduce partition {@code reduceId}. */
  public void add(int reduceId, Object record) {
    if (records == null) {
      records = emptyBuckets();
    }
    records.get(reduceId).add(record);
    afterInsert();
  }

  /** Stores the output: the spilled segments, then the last buffer, in memory if it fits. */
  public void commit() {
    long size = manager.spills() ? estimate() : 0;
    List<? extends List<?>> last = buffered();
    if (!manager.spills()) {
      parts.add(manager.inMemory(last, 0));
    } else {
      if (manager.reserve(size - reserved)) {
        parts.add(manager.inMemory(last, size));
      } else {
        manager.reserve(-reserved);
        parts.add(manager.spill(BlockId.shuffleSpill(jobId, shuffleId, mapId), parts.size(), last));
      }
    }
    reserved = 0;
    done = true;
    manager.commit(jobId, shuffleId, mapId, numMaps, parts);
  }

  /** Releases the memory and deletes the spill files of a writer that was not committed. */
  @Override
  public void close() {
    if (!done) {
      done = true;
      manager.reserve(-reserved);
      parts.forEach(manager::discard);
    }
  }

  private void afterInsert() {
    if (++sinceCheck < CHECK_EVERY || !manager.spills()) {
      return;
    }
    sinceCheck = 0;
    long size = estimate();
    if (manager.reserve(size - reserved)) {
      reserved = size;
    } else {
      manager.reserve(-reserved);
      reserved = 0;
      parts.add(manager.spill(BlockId.shuffleSpill(jobId, shuffleId, mapId), parts.size(), buffered()));
      records = null;
    }
  }

  /** Returns the buffer: one list of records per reduce partition. */
  private List<List<Object>> buffered() {
    return records != null ? records : emptyBuckets();
  }

  /** Estimates the buffer from a sample of its records. */
  private long estimate() {
    long size = 0;
    if (records != null) {
      for (List<?> bucket : records) {
        size += SizeEstimator.estimateList(bucket);
      }
    }
    return size;
  }

  private List<List<Object>> emptyBuckets() {
    List<List<Object>> buckets = new ArrayList<>(numReduces);
    for (int r = 0; r < numReduces; r++) {
      buckets.add(new ArrayList<>());
    }
    return buckets;
  }
}
