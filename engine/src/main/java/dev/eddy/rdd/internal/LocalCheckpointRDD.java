package dev.eddy.rdd.internal;

import dev.eddy.EddyContext;
import dev.eddy.EddyException;
import dev.eddy.TaskContext;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.Partitioner;
import dev.eddy.rdd.RDD;
import dev.eddy.storage.BlockId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Where a locally checkpointed RDD's lineage ends, as Spark's {@code LocalCheckpointRDD}: it has
 * no dependencies and nothing to compute from. The checkpointed RDD's partitions live in its
 * cached blocks, which its iterator reads first; this RDD is asked only when a block is gone, and
 * then fails with an error saying that the partition cannot be recomputed. Immutable.
 */
public final class LocalCheckpointRDD<T> extends RDD<T> {
  private record BlockPartition(int index) implements Partition {}

  private final int rddId;
  private final String checkpointed;
  private final int numPartitions;
  private final Optional<Partitioner> partitioner;

  /** @param checkpointed the RDD whose cached blocks hold the partitions */
  public LocalCheckpointRDD(EddyContext sc, RDD<?> checkpointed) {
    super(sc, List.of(), "localCheckpoint");
    this.rddId = checkpointed.id();
    this.checkpointed = checkpointed.toString();
    this.numPartitions = checkpointed.getNumPartitions();
    this.partitioner = checkpointed.partitioner();
  }

  @Override
  protected List<Partition> getPartitions() {
    List<Partition> partitions = new ArrayList<>();
    for (int i = 0; i < numPartitions; i++) {
      partitions.add(new BlockPartition(i));
    }
    return partitions;
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return partitioner;
  }

  /** Throws: a block of a locally checkpointed RDD that is gone cannot be recomputed. */
  @Override
  public Iterator<T> compute(Partition split, TaskContext context) {
    throw new EddyException("Checkpoint block " + BlockId.rdd(rddId, split.index()).name() + " of "
        + checkpointed + " not found, and the partition cannot be recomputed: localCheckpoint() "
        + "truncated its lineage, and the block was removed since (the RDD was unpersisted, or its "
        + "context's blocks were dropped). Use rdd.checkpoint() with sc.setCheckpointDir(dir), slower "
        + "but kept in files, for data that must survive that.");
  }
}
