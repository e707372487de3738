package dev.eddy.rdd.internal;

import dev.eddy.EddyContext;
import dev.eddy.TaskContext;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.RDD;
import dev.eddy.storage.BlockId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An RDD whose partitions are blocks already in the context's
 * {@link dev.eddy.storage.BlockManager}, as Spark's {@code BlockRDD}: partition i reads block i,
 * from whichever copy is left. A block that is gone fails its task with an error naming it; it
 * cannot be recomputed. Immutable.
 */
public final class BlockRDD<T> extends RDD<T> {
  private record BlockPartition(int index, BlockId blockId) implements Partition {}

  private final List<BlockId> blockIds;

  public BlockRDD(EddyContext sc, List<? extends BlockId> blockIds) {
    super(sc, List.of(), "BlockRDD");
    this.blockIds = List.copyOf(blockIds);
  }

  /** Returns the blocks, one per partition, in partition order. */
  public List<BlockId> blockIds() {
    return blockIds;
  }

  @Override
  protected List<Partition> getPartitions() {
    List<Partition> partitions = new ArrayList<>(blockIds.size());
    for (int i = 0; i < blockIds.size(); i++) {
      partitions.add(new BlockPartition(i, blockIds.get(i)));
    }
    return partitions;
  }

  @Override
  public Iterator<T> compute(Partition split, TaskContext context) {
    BlockId id = ((BlockPartition) split).blockId();
    return context().blockManager().<T>get(id)
        .orElseThrow(() -> new IllegalStateException(
            "Could not compute split, block " + id.name() + " of RDD " + id() + " not found"
                + " (lost, or removed once its batch was processed)"))
        .iterator();
  }
}
