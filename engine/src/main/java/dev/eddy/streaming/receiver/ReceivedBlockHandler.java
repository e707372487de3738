package dev.eddy.streaming.receiver;

import dev.eddy.storage.BlockId;
import java.util.List;

/**
 * Stores the blocks a receiver produces, as Spark's {@code ReceivedBlockHandler}: the one step
 * between cutting a block and reporting it to the tracker, so that a write-ahead-log handler can
 * replace {@link BlockManagerBasedBlockHandler} without touching the rest. Implementations are
 * thread-safe.
 */
public interface ReceivedBlockHandler {
  /**
   * Stores {@code records} as block {@code blockId} and returns what was stored.
   *
   * @throws RuntimeException if the block could not be stored; the receiver reports the error
   */
  ReceivedBlockStoreResult storeBlock(BlockId.Stream blockId, List<?> records);

  /** Removes a block that is no longer needed (processed, or dropped by a non-graceful stop). */
  void removeBlock(BlockId.Stream blockId);
}
