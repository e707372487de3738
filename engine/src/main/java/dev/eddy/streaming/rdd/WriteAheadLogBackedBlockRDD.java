package dev.eddy.streaming.rdd;

import dev.eddy.EddyContext;
import dev.eddy.TaskContext;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.RDD;
import dev.eddy.storage.BlockId;
import dev.eddy.streaming.util.FileBasedWriteAheadLog;
import dev.eddy.streaming.util.WriteAheadLogRecordHandle;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * An RDD of received blocks that reads each block from the {@link dev.eddy.storage.BlockManager}
 * and, when the block is not there (the process that received it died, and this block manager is
 * new), from the receiver's write-ahead log by its handle, as Spark's {@code
 * WriteAheadLogBackedBlockRDD}. Partition i is block i. A block read from the log is deserialized
 * with the engine's serializer and not put back into the block manager. A block in neither fails
 * its task with an error naming it. Immutable.
 */
public final class WriteAheadLogBackedBlockRDD<T> extends RDD<T> {
  private record WalBackedPartition(int index, BlockId blockId, WriteAheadLogRecordHandle handle) implements Partition {}

  private final List<BlockId.Stream> blockIds;
  private final List<WriteAheadLogRecordHandle> handles;

  /**
   * @param handles the blocks' write-ahead log records, in the order of {@code blockIds}
   * @throws IllegalArgumentException if the two lists differ in length
   */
  public WriteAheadLogBackedBlockRDD(EddyContext sc, List<BlockId.Stream> blockIds, List<WriteAheadLogRecordHandle> handles) {
    super(sc, List.of(), "WriteAheadLogBackedBlockRDD");
    if (blockIds.size() != handles.size()) {
      throw new IllegalArgumentException("the number of block ids (" + blockIds.size()
          + ") differs from the number of write-ahead log handles (" + handles.size() + ")");
    }
    this.blockIds = List.copyOf(blockIds);
    this.handles = List.copyOf(handles);
  }

  /** Returns the blocks, one per partition, in partition order. */
  public List<BlockId.Stream> blockIds() {
    return blockIds;
  }

  @Override
  protected List<Partition> getPartitions() {
    List<Partition> partitions = new ArrayList<>(blockIds.size());
    for (int i = 0; i < blockIds.size(); i++) {
      partitions.add(new WalBackedPartition(i, blockIds.get(i), handles.get(i)));
    }
    return partitions;
  }

  @Override
  public Iterator<T> compute(Partition split, TaskContext context) {
    WalBackedPartition p = (WalBackedPartition) split;
    Optional<List<T>> stored = context().blockManager().get(p.blockId());
    if (stored.isPresent()) {
      return stored.get().iterator();
    }
    return readFromLog(p).iterator();
  }

  private List<T> readFromLog(WalBackedPartition p) {
    try {
      ByteBuffer record = FileBasedWriteAheadLog.readRecord(p.handle());
      byte[] bytes = new byte[record.remaining()];
      record.get(bytes);
      return context().serializer().deserialize(bytes);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Could not read block " + p.blockId().name() + " of RDD " + id()
          + ": it is not in the block manager, and reading it from the write-ahead log at " + p.handle()
          + " failed: " + e.getMessage(), e);
    }
  }
}
