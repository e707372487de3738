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

  /**
   * Drops what the handler keeps of blocks stored before {@code threshTime} (the clock's
   * milliseconds), as Spark's {@code cleanupOldBlocks}; called once the batches that read them
   * are done. Without a write-ahead log there is nothing to drop.
   */
  default void cleanupOldBlocks(long threshTime) {}

  /** Makes the blocks stored so far durable as the handler's log policy says; called at each batch boundary. */
  default void flush() {}

  /** Releases the handler's files; the blocks it stored stay readable where they are. Closing twice is harmless. */
  default void close() {}
}
