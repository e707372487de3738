package dev.eddy.rdd.internal;

import dev.eddy.EddyContext;
import dev.eddy.EddyException;
import dev.eddy.rdd.Dependency;
import dev.eddy.rdd.RDD;
import dev.eddy.serializer.SerializationException;
import dev.eddy.serializer.SerializationStream;
import dev.eddy.serializer.Serializer;
import dev.eddy.storage.BlockId;
import dev.eddy.storage.BlockManager;
import dev.eddy.storage.NotSerializable;
import dev.eddy.storage.internal.DiskStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Writes the checkpoints that a job's lineage asks for, as Spark's {@code RDD.doCheckpoint}: after
 * a job, every RDD of its lineage marked with {@code checkpoint()} (and not below another marked
 * one) is written by a second job, one file per partition under {@code
 * <checkpointDir>/rdd-<id>/}, and its lineage is then cut at the files. Only data is written:
 * elements must be serializable with the context's serializer, closures need not be.
 *
 * <p>An RDD marked with {@code localCheckpoint()} is cut at its cached blocks instead, as Spark's
 * {@code LocalRDDCheckpointData}: a second job computes only the partitions that are not cached
 * yet (none when the first job read them all), and the lineage then ends at a
 * {@link LocalCheckpointRDD}. Stateless.
 */
public final class RDDCheckpointer {
  private RDDCheckpointer() {}

  /** Returns the error for a checkpoint asked for before {@code sc.setCheckpointDir}, with Spark's message. */
  public static EddyException dirNotSet() {
    return new EddyException(
        "Checkpoint directory has not been set in the EddyContext: call sc.setCheckpointDir(dir) first");
  }

  /** Writes the marked checkpoints in {@code rdd}'s lineage. */
  public static void checkpointMarked(RDD<?> rdd) {
    Set<Integer> visited = new HashSet<>();
    Deque<RDD<?>> toVisit = new ArrayDeque<>();
    toVisit.push(rdd);
    while (!toVisit.isEmpty()) {
      RDD<?> current = toVisit.pop();
      if (!visited.add(current.id())) {
        continue;
      }
      RDDStorageState state = current.storageState();
      if (state.needsCheckpoint()) {
        if (state.startWriting()) {
          if (state.isLocallyCheckpointed()) {
            cacheAll(current, state);
          } else {
            write(current, state);
          }
        }
      } else {
        for (Dependency<?> dep : current.dependencies()) {
          toVisit.push(dep.rdd());
        }
      }
    }
  }

  private static <T> void write(RDD<T> rdd, RDDStorageState state) {
    EddyContext sc = rdd.context();
    Path dir = sc.getCheckpointDir().map(Path::of).orElseThrow(RDDCheckpointer::dirNotSet)
        .resolve("rdd-" + rdd.id());
    CheckpointRDD<T> written = null;
    try {
      Files.createDirectories(dir);
      Serializer serializer = sc.serializer();
      String description = rdd.toString();
      sc.runJob(rdd, (context, it) -> writePartition(
          serializer, CheckpointRDD.partitionFile(dir, context.partitionId()), it, description),
          allPartitions(rdd));
      written = new CheckpointRDD<>(sc, dir, rdd.getNumPartitions(), rdd.partitioner());
    } catch (IOException e) {
      throw new EddyException("Cannot create checkpoint directory " + dir, e);
    } finally {
      if (written == null) {
        DiskStore.deleteRecursively(dir);
      }
      state.finishWriting(written);
    }
  }

  private static <T> void cacheAll(RDD<T> rdd, RDDStorageState state) {
    LocalCheckpointRDD<T> cut = null;
    try {
      BlockManager blocks = rdd.context().blockManager();
      List<Integer> missing = allPartitions(rdd).stream()
          .filter(p -> !blocks.contains(BlockId.rdd(rdd.id(), p)))
          .toList();
      if (!missing.isEmpty()) {
        rdd.context().runJob(rdd, (context, it) -> {
          it.forEachRemaining(x -> { });
          return null;
        }, missing);
      }
      cut = new LocalCheckpointRDD<>(rdd.context(), rdd);
    } finally {
      state.finishWriting(cut);
    }
  }

  private static <T> Long writePartition(Serializer serializer, Path file, Iterator<T> it, String rdd) {
    long n = 0;
    try (SerializationStream out = serializer.serializeStream(Files.newOutputStream(file))) {
      while (it.hasNext()) {
        T value = it.next();
        try {
          out.writeObject(value);
        } catch (RuntimeException e) {
          throw new SerializationException("Cannot checkpoint " + rdd + " with the " + serializer.name()
              + " serializer: " + NotSerializable.describe(value), e);
        }
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write checkpoint file " + file, e);
    }
    return n;
  }

  private static List<Integer> allPartitions(RDD<?> rdd) {
    return java.util.stream.IntStream.range(0, rdd.getNumPartitions()).boxed().toList();
  }
}
