package dev.eddy.streaming.receiver;

import dev.eddy.storage.BlockId;
import dev.eddy.streaming.util.WriteAheadLogRecordHandle;
import java.util.Optional;

/**
 * What a {@link ReceivedBlockHandler} stored, as Spark's {@code ReceivedBlockStoreResult}: the
 * block, its number of records and, when a {@link WriteAheadLogBasedBlockHandler} stored it, where
 * the receiver's write-ahead log holds it. Immutable.
 *
 * @param walRecordHandle the block's record in the write-ahead log; null when there is no log
 */
public record ReceivedBlockStoreResult(BlockId.Stream blockId, long numRecords, WriteAheadLogRecordHandle walRecordHandle) {
  /** Creates the result of a block stored without a write-ahead log. */
  public ReceivedBlockStoreResult(BlockId.Stream blockId, long numRecords) {
    this(blockId, numRecords, null);
  }

  /** Returns the block's record in the write-ahead log, if it was written to one. */
  public Optional<WriteAheadLogRecordHandle> walHandle() {
    return Optional.ofNullable(walRecordHandle);
  }
}
