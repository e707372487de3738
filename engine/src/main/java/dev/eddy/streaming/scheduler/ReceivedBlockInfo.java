package dev.eddy.streaming.scheduler;

import dev.eddy.storage.BlockId;
import dev.eddy.streaming.util.WriteAheadLogRecordHandle;
import java.io.Serializable;
import java.util.Optional;

/**
 * A block a receiver stored and reported, as Spark's {@code ReceivedBlockInfo}: which input
 * stream it belongs to, how many records it holds, where it is, and (with the receiver
 * write-ahead log) where the log holds it, so it can be read back when the block manager lost
 * it. Written to the block tracker's log, so serializable. Immutable.
 *
 * @param walRecordHandle the block's record in its receiver's write-ahead log; null without one
 */
public record ReceivedBlockInfo(int streamId, long numRecords, BlockId.Stream blockId, WriteAheadLogRecordHandle walRecordHandle)
    implements Serializable {
  /** Creates the info of a block stored without a write-ahead log. */
  public ReceivedBlockInfo(int streamId, long numRecords, BlockId.Stream blockId) {
    this(streamId, numRecords, blockId, null);
  }

  /** Returns the block's record in the write-ahead log, if it was written to one. */
  public Optional<WriteAheadLogRecordHandle> walHandle() {
    return Optional.ofNullable(walRecordHandle);
  }

  @Override
  public String toString() {
    return blockId.name() + " (" + numRecords + " records)";
  }
}
