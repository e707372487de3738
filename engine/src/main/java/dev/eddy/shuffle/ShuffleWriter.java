package dev.eddy.shuffle;

import dev.eddy.api.Tuple2;
import dev.eddy.storage.BlockId;
import dev.eddy.storage.SizeEstimator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one map task's shuffle output, as Spark's shuffle writers do: records go into a buffer
 * per reduce partition, either as they are ({@link #add}) or combined by key ({@link #combine},
 * for map-side combine). Every {@value #CHECK_EVERY} records the buffer's size is estimated and
 * reserved from the shuffle's memory budget; when the reservation fails the buffer is spilled to a
 * file and emptied. {@link #commit()} stores the spilled segments and the last buffer as the map
 * output. Closing an uncommitted writer (the task failed) releases its memory and deletes its
 * files.
 *
 * <p>Spilled combiners are not merged with later ones on the map side: the reduce side combines
 * combiners by key anyway. Not thread-safe: one writer per map task.
 */
public final class ShuffleWriter implements AutoCloseable {
  /** Records between two estimates of the buffer's size. */
  static final int CHECK_EVERY = 1000;

  /** Adds a value to the combiners of one bucket, as {@code Aggregator.addValue}. */
  @FunctionalInterface
  public interface Combine<K, V, C> {
    void addTo(Map<K, C> combiners, K key, V value);
  }

  private final ShuffleManager manager;
  private final int jobId;
  private final int shuffleId;
  private final int mapId;
  private final int numMaps;
  private final int numReduces;
  private final List<ShuffleManager.Part> parts = new ArrayList<>();
  private List<List<Object>> records;
  private List<Map<Object, Object>> combiners;
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
    if (combiners != null) {
      throw new IllegalStateException("this writer combines by key; use combine()");
    }
    if (records == null) {
      records = emptyBuckets();
    }
    records.get(reduceId).add(record);
    afterInsert();
  }

  /** Combines {@code value} into the combiner of {@code key} for reduce partition {@code reduceId}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <K, V, C> void combine(int reduceId, K key, V value, Combine<K, V, C> combine) {
    if (records != null) {
      throw new IllegalStateException("this writer adds plain records; use add()");
    }
    if (combiners == null) {
      combiners = emptyMaps();
    }
    combine.addTo((Map) combiners.get(reduceId), key, value);
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
      combiners = null;
    }
  }

  /** Returns the buffer as lists of records, combiners as {@code Tuple2(key, combiner)}. */
  private List<? extends List<?>> buffered() {
    if (records != null) {
      return records;
    }
    List<List<Object>> pairs = new ArrayList<>();
    for (int r = 0; r < numReduces; r++) {
      List<Object> bucket = new ArrayList<>();
      if (combiners != null) {
        combiners.get(r).forEach((k, c) -> bucket.add(new Tuple2<>(k, c)));
      }
      pairs.add(bucket);
    }
    return pairs;
  }

  /** Estimates the buffer from a sample of its records or combiners, without copying it. */
  private long estimate() {
    if (combiners != null) {
      return estimateCombiners();
    }
    long size = 0;
    if (records != null) {
      for (List<?> bucket : records) {
        size += SizeEstimator.estimateList(bucket);
      }
    }
    return size;
  }

  /** Estimates the hash maps from a sample of their entries: key, combiner and a 32-byte entry each. */
  private long estimateCombiners() {
    long entries = 0;
    long sampled = 0;
    long sampledBytes = 0;
    for (Map<Object, Object> bucket : combiners) {
      entries += bucket.size();
      Iterator<Map.Entry<Object, Object>> it = bucket.entrySet().iterator();
      for (int i = 0; i < 20 && it.hasNext(); i++, sampled++) {
        Map.Entry<Object, Object> e = it.next();
        sampledBytes += SizeEstimator.estimate(e.getKey()) + SizeEstimator.estimate(e.getValue()) + 32;
      }
    }
    long perEntry = sampled == 0 ? 0 : sampledBytes / sampled;
    return 64L * numReduces + entries * (perEntry + 8);
  }

  private List<List<Object>> emptyBuckets() {
    List<List<Object>> buckets = new ArrayList<>(numReduces);
    for (int r = 0; r < numReduces; r++) {
      buckets.add(new ArrayList<>());
    }
    return buckets;
  }

  private List<Map<Object, Object>> emptyMaps() {
    List<Map<Object, Object>> maps = new ArrayList<>(numReduces);
    for (int r = 0; r < numReduces; r++) {
      maps.add(new LinkedHashMap<>());
    }
    return maps;
  }
}
