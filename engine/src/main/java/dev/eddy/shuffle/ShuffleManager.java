package dev.eddy.shuffle;

import dev.eddy.serializer.SerializationStream;
import dev.eddy.serializer.Serializer;
import dev.eddy.storage.BlockId;
import dev.eddy.storage.SizeEstimator;
import dev.eddy.storage.internal.DiskStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Holds shuffle map outputs: for each (job, shuffle, map partition) the records bucketed by
 * reduce partition. Outputs stay in memory by reference while they fit a budget ({@code
 * eddy.shuffle.memory.bytes}, sized by {@link SizeEstimator}). A map task writes through a
 * {@link ShuffleWriter}, which spills its buffer whenever the buffer would exceed the budget:
 * through the serializer to a file, bucket after bucket in reduce-partition order, with each
 * bucket's offset kept so a reducer reads only its own bytes. Readers see memory and spilled
 * parts alike, in the order they were written.
 *
 * <p>Outputs belong to the job that wrote them and are dropped, spill files included, when it ends
 * ({@link #removeJob}), so memory does not grow with the number of batches of a stream, and two
 * jobs over the same lineage never see each other's half-written outputs.
 *
 * <p>Thread-safe: map tasks of a stage write concurrently.
 */
public final class ShuffleManager {
  private record Key(int jobId, int shuffleId) {}

  /** One map output: the parts its writer produced, in order (spilled segments, then what stayed in memory). */
  private record MapOutput(List<Part> parts) {}

  /** Part of a map output: buckets in memory, or a file with the bucket offsets. */
  sealed interface Part permits InMemory, Spilled {}

  record InMemory(List<? extends List<?>> buckets, long size) implements Part {}

  /** {@code offsets[r]} to {@code offsets[r + 1]} are the bytes of reduce partition r. */
  record Spilled(Path file, long[] offsets) implements Part {}

  private final long memoryBytes;
  private final Serializer serializer;
  private final Path dir;
  private final Map<Key, AtomicReferenceArray<MapOutput>> outputs = new ConcurrentHashMap<>();
  private final AtomicLong memoryUsed = new AtomicLong();
  private final AtomicLong bytesSpilled = new AtomicLong();
  private final AtomicLong recordsSpilled = new AtomicLong();
  private final AtomicLong spills = new AtomicLong();

  /** Creates a manager that keeps every output in memory and never spills. */
  public ShuffleManager() {
    this(Long.MAX_VALUE, null, null);
  }

  /**
   * Creates a manager that spills outputs beyond {@code memoryBytes} through {@code serializer}
   * into files under {@code dir} (created when first needed).
   */
  public ShuffleManager(long memoryBytes, Serializer serializer, Path dir) {
    this.memoryBytes = memoryBytes;
    this.serializer = serializer;
    this.dir = dir;
  }

  /**
   * Records that job {@code jobId} runs the map stage of shuffle {@code shuffleId} with {@code
   * numMaps} partitions, so that its reducers can tell a stage with no partitions (nothing to
   * read) from a stage that did not run.
   */
  public void registerShuffle(int jobId, int shuffleId, int numMaps) {
    outputs.computeIfAbsent(new Key(jobId, shuffleId), k -> new AtomicReferenceArray<>(numMaps));
  }

  /**
   * Stores the output of map partition {@code mapId} of a shuffle with {@code numMaps} map
   * partitions; {@code buckets.get(r)} holds the records for reduce partition r. Spills it when it
   * does not fit the memory budget.
   */
  public void putMapOutput(int jobId, int shuffleId, int mapId, int numMaps, List<List<?>> buckets) {
    long size = serializer == null ? 0 : estimate(buckets);
    if (reserve(size)) {
      commit(jobId, shuffleId, mapId, numMaps, List.of(new InMemory(buckets, size)));
      return;
    }
    ShuffleWriter writer = writer(jobId, shuffleId, mapId, numMaps, buckets.size());
    for (int r = 0; r < buckets.size(); r++) {
      for (Object record : buckets.get(r)) {
        writer.add(r, record);
      }
    }
    writer.commit();
  }

  /**
   * Returns a writer for the output of map partition {@code mapId}: it buffers records by reduce
   * partition and spills the buffer to disk whenever it would exceed the memory budget, so a map
   * output larger than the budget never sits in memory whole.
   */
  public ShuffleWriter writer(int jobId, int shuffleId, int mapId, int numMaps, int numReduces) {
    return new ShuffleWriter(this, jobId, shuffleId, mapId, numMaps, numReduces);
  }

  /** Reserves {@code bytes} (negative to release) of the budget; false, with nothing reserved, if they do not fit. */
  boolean reserve(long bytes) {
    if (serializer == null || bytes <= 0) {
      memoryUsed.addAndGet(serializer == null ? 0 : bytes);
      return true;
    }
    if (memoryUsed.addAndGet(bytes) <= memoryBytes) {
      return true;
    }
    memoryUsed.addAndGet(-bytes);
    return false;
  }

  /** Returns whether this manager spills at all (it has a serializer). */
  boolean spills() {
    return serializer != null;
  }

  /** Stores a finished map output made of spilled segments and a last part kept in memory. */
  void commit(int jobId, int shuffleId, int mapId, int numMaps, List<Part> parts) {
    MapOutput old = outputs.computeIfAbsent(new Key(jobId, shuffleId), k -> new AtomicReferenceArray<>(numMaps))
        .getAndSet(mapId, new MapOutput(List.copyOf(parts)));
    release(old);
  }

  /** Returns a part holding {@code buckets} in memory, whose {@code size} bytes were reserved. */
  Part inMemory(List<? extends List<?>> buckets, long size) {
    return new InMemory(buckets, size);
  }

  /**
   * Returns the records of reduce partition {@code reduceId}, map output by map output; spilled
   * outputs are read as the iterator reaches them.
   *
   * @throws IllegalStateException if the map stage did not run or did not write every output in
   *     this job
   */
  public Iterator<Object> read(int jobId, int shuffleId, int reduceId) {
    AtomicReferenceArray<MapOutput> shuffle = outputs.get(new Key(jobId, shuffleId));
    if (shuffle == null) {
      throw new IllegalStateException("No map outputs of shuffle " + shuffleId + " in job " + jobId
          + ": its map stage did not run because every partition after it was cached when the job"
          + " started, and a cached partition was evicted since. Run the action again, or persist"
          + " with MEMORY_AND_DISK so that evicted partitions go to disk.");
    }
    List<Part> parts = new ArrayList<>();
    for (int m = 0; m < shuffle.length(); m++) {
      MapOutput output = shuffle.get(m);
      if (output == null) {
        throw new IllegalStateException(
            "missing map output " + m + " of shuffle " + shuffleId + " in job " + jobId);
      }
      parts.addAll(output.parts());
    }
    return new Iterator<>() {
      private int next;
      private Iterator<?> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && next < parts.size()) {
          current = bucket(parts.get(next++), reduceId);
        }
        return current.hasNext();
      }

      @Override
      public Object next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** Deletes a spill file of a map output that was never committed (its task failed). */
  void discard(Part part) {
    release(part);
  }

  /** Drops every map output written by job {@code jobId}, deleting its spill files. */
  public void removeJob(int jobId) {
    outputs.entrySet().removeIf(e -> {
      if (e.getKey().jobId() != jobId) {
        return false;
      }
      for (int m = 0; m < e.getValue().length(); m++) {
        release(e.getValue().get(m));
      }
      return true;
    });
  }

  /** Drops every output and deletes the spill directory; called when the context stops. */
  public void clear() {
    outputs.keySet().stream().map(Key::jobId).distinct().toList().forEach(this::removeJob);
    if (dir != null) {
      DiskStore.deleteRecursively(dir);
    }
  }

  private static long estimate(List<List<?>> buckets) {
    long size = 0;
    for (List<?> bucket : buckets) {
      size += SizeEstimator.estimateList(bucket);
    }
    return size;
  }

  /** Returns how many shuffles currently hold outputs; for tests and diagnostics. */
  public int size() {
    return outputs.size();
  }

  /** Returns the spill counters since this manager was made, and the memory the outputs take now. */
  public ShuffleSpillMetrics metrics() {
    return new ShuffleSpillMetrics(spills.get(), recordsSpilled.get(), bytesSpilled.get(), memoryUsed.get());
  }

  private Iterator<?> bucket(Part output, int reduceId) {
    if (output instanceof InMemory memory) {
      return memory.buckets().get(reduceId).iterator();
    }
    Spilled spilled = (Spilled) output;
    long start = spilled.offsets()[reduceId];
    byte[] bytes = new byte[(int) (spilled.offsets()[reduceId + 1] - start)];
    try (RandomAccessFile file = new RandomAccessFile(spilled.file().toFile(), "r")) {
      file.seek(start);
      file.readFully(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read shuffle spill file " + spilled.file(), e);
    }
    return serializer.deserializeStream(new ByteArrayInputStream(bytes)).asIterator();
  }

  /** Writes {@code buckets} to segment {@code segment} of a map output's spill files and returns the part. */
  Part spill(BlockId id, int segment, List<? extends List<?>> buckets) {
    Path file = dir.resolve(id.name() + "_" + segment);
    long[] offsets = new long[buckets.size() + 1];
    long records = 0;
    try {
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(file)) {
        for (int r = 0; r < buckets.size(); r++) {
          ByteArrayOutputStream bucket = new ByteArrayOutputStream();
          try (SerializationStream stream = serializer.serializeStream(bucket)) {
            stream.writeAll(buckets.get(r));
          }
          bucket.writeTo(out);
          offsets[r + 1] = offsets[r] + bucket.size();
          records += buckets.get(r).size();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write shuffle spill file " + file, e);
    }
    spills.incrementAndGet();
    recordsSpilled.addAndGet(records);
    bytesSpilled.addAndGet(offsets[buckets.size()]);
    return new Spilled(file, offsets);
  }

  private void release(MapOutput output) {
    if (output != null) {
      output.parts().forEach(this::release);
    }
  }

  private void release(Part output) {
    if (output instanceof InMemory memory) {
      memoryUsed.addAndGet(-memory.size());
    } else if (output instanceof Spilled spilled) {
      try {
        Files.deleteIfExists(spilled.file());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot delete shuffle spill file " + spilled.file(), e);
      }
    }
  }
}
