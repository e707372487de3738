package dev.eddy.streaming.receiver;

import dev.eddy.storage.BlockId;
import dev.eddy.storage.BlockManager;
import dev.eddy.storage.StorageLevel;
import java.util.List;

/**
 * Stores received blocks in the engine's {@link BlockManager} at the receiver's storage level, as
 * Spark's {@code BlockManagerBasedBlockHandler}; a {@code _2} level keeps a second copy, so a
 * batch still reads the block when one copy is lost. Thread-safe.
 */
public final class BlockManagerBasedBlockHandler implements ReceivedBlockHandler {
  private final BlockManager blockManager;
  private final StorageLevel level;

  public BlockManagerBasedBlockHandler(BlockManager blockManager, StorageLevel level) {
    this.blockManager = blockManager;
    this.level = level;
  }

  @Override
  public ReceivedBlockStoreResult storeBlock(BlockId.Stream blockId, List<?> records) {
    if (!blockManager.put(blockId, records, level)) {
      throw new IllegalStateException(
          "Could not store received block " + blockId.name() + " (" + records.size() + " records) at " + level
              + ": memory is full and the level does not use disk");
    }
    return new ReceivedBlockStoreResult(blockId, records.size());
  }

  @Override
  public void removeBlock(BlockId.Stream blockId) {
    blockManager.remove(blockId);
  }
}
