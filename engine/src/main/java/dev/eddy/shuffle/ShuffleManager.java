package dev.eddy.shuffle;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Holds shuffle map outputs in memory: for each (job, shuffle, map partition) the records bucketed
 * by reduce partition. Records are kept by reference, never serialized: one JVM needs no copies.
 *
 * <p>Outputs belong to the job that wrote them and are dropped when it ends
 * ({@link #removeJob}), so memory does not grow with the number of batches of a stream, and two
 * jobs over the same lineage never see each other's half-written outputs. The price is that a
 * second action on a shuffled RDD recomputes the shuffle; caching comes later.
 *
 * <p>Thread-safe: map tasks of a stage write concurrently.
 */
public final class ShuffleManager {
  private record Key(int jobId, int shuffleId) {}

  private final Map<Key, MapOutputs> outputs = new ConcurrentHashMap<>();

  /** One shuffle's outputs: per map partition, per reduce partition, a list of records. */
  private static final class MapOutputs {
    private final AtomicReferenceArray<List<List<?>>> byMap;

    MapOutputs(int numMaps) {
      byMap = new AtomicReferenceArray<>(numMaps);
    }

    void put(int mapId, List<List<?>> buckets) {
      byMap.set(mapId, buckets);
    }

    List<List<?>> get(int mapId) {
      return byMap.get(mapId);
    }

    int numMaps() {
      return byMap.length();
    }
  }

  /**
   * Stores the output of map partition {@code mapId} of a shuffle with {@code numMaps} map
   * partitions; {@code buckets.get(r)} holds the records for reduce partition r.
   */
  public void putMapOutput(int jobId, int shuffleId, int mapId, int numMaps, List<List<?>> buckets) {
    outputs.computeIfAbsent(new Key(jobId, shuffleId), k -> new MapOutputs(numMaps)).put(mapId, buckets);
  }

  /**
   * Returns the records of reduce partition {@code reduceId}, map output by map output.
   *
   * @throws IllegalStateException if the map stage did not write every output in this job
   */
  public Iterator<Object> read(int jobId, int shuffleId, int reduceId) {
    MapOutputs shuffle = outputs.get(new Key(jobId, shuffleId));
    List<Object> records = new ArrayList<>();
    if (shuffle == null) {
      // a map stage with no partitions writes nothing; anything else is a scheduler bug
      return records.iterator();
    }
    for (int m = 0; m < shuffle.numMaps(); m++) {
      List<List<?>> buckets = shuffle.get(m);
      if (buckets == null) {
        throw new IllegalStateException(
            "missing map output " + m + " of shuffle " + shuffleId + " in job " + jobId);
      }
      records.addAll(buckets.get(reduceId));
    }
    return records.iterator();
  }

  /** Drops every map output written by job {@code jobId}. */
  public void removeJob(int jobId) {
    outputs.keySet().removeIf(k -> k.jobId() == jobId);
  }

  /** Returns how many shuffles currently hold outputs; for tests and diagnostics. */
  public int size() {
    return outputs.size();
  }
}
