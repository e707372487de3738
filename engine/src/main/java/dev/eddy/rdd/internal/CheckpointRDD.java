package dev.eddy.rdd.internal;

import dev.eddy.EddyContext;
import dev.eddy.EddyException;
import dev.eddy.TaskContext;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.Partitioner;
import dev.eddy.rdd.RDD;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a checkpointed RDD's partitions back from their files, one file per partition written
 * through the context's serializer, as Spark's {@code ReliableCheckpointRDD}. It has no
 * dependencies: it is where a checkpointed RDD's lineage now ends. Immutable.
 */
public final class CheckpointRDD<T> extends RDD<T> {
  private record FilePartition(int index) implements Partition {}

  private final Path dir;
  private final int numPartitions;
  private final Optional<Partitioner> partitioner;

  public CheckpointRDD(EddyContext sc, Path dir, int numPartitions, Optional<Partitioner> partitioner) {
    super(sc, List.of(), "checkpoint");
    this.dir = dir;
    this.numPartitions = numPartitions;
    this.partitioner = partitioner;
  }

  /** Returns the file of partition {@code index} under {@code dir}, named as Spark's. */
  public static Path partitionFile(Path dir, int index) {
    return dir.resolve(String.format("part-%05d", index));
  }

  /** Returns the directory holding the partition files. */
  public Path dir() {
    return dir;
  }

  @Override
  protected List<Partition> getPartitions() {
    List<Partition> partitions = new ArrayList<>();
    for (int i = 0; i < numPartitions; i++) {
      partitions.add(new FilePartition(i));
    }
    return partitions;
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return partitioner;
  }

  @Override
  public Iterator<T> compute(Partition split, TaskContext context) {
    Path file = partitionFile(dir, split.index());
    try {
      return context().serializer().deserializeStream(Files.newInputStream(file)).asIterator();
    } catch (NoSuchFileException e) {
      throw new EddyException("Checkpoint file " + file + " is missing: was the checkpoint directory deleted?", e);
    } catch (IOException e) {
      throw new EddyException("Cannot read checkpoint file " + file, e);
    }
  }
}
