package dev.eddy.streaming.receiver;

import dev.eddy.serializer.Serializer;
import dev.eddy.storage.BlockId;
import dev.eddy.storage.BlockManager;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.util.FileBasedWriteAheadLog;
import dev.eddy.streaming.util.WriteAheadLogRecordHandle;
import dev.eddy.streaming.util.WriteAheadLogSettings;
import dev.eddy.util.Clock;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores each received block in the {@link BlockManager} and in the receiver's write-ahead log,
 * as Spark's {@code WriteAheadLogBasedBlockHandler}: the block is serialized with the engine's
 * {@link Serializer} and appended to the log before {@link #storeBlock} returns, so a block the
 * tracker heard of can be read back by its handle after the process died and the block manager
 * with it. The log is {@code <checkpointDir>/receivedData/<streamId>}; its records carry the
 * clock's time at storing, by which {@link #cleanupOldBlocks} drops old segments.
 *
 * <p>The log makes a second in-memory copy needless, so a replicated ({@code _2}) level is
 * stored with one copy and a warning, as Spark does. Thread-safe.
 */
public final class WriteAheadLogBasedBlockHandler implements ReceivedBlockHandler {
  private final BlockManager blockManager;
  private final Serializer serializer;
  private final StorageLevel level;
  private final Clock clock;
  private final FileBasedWriteAheadLog log;

  /**
   * Opens (and recovers) the receiver log of stream {@code streamId} under {@code checkpointDir}.
   *
   * @throws dev.eddy.streaming.util.WalCorruptionException if the log holds damaged data other than a torn tail
   */
  public WriteAheadLogBasedBlockHandler(
      BlockManager blockManager, Serializer serializer, int streamId, StorageLevel level, Path checkpointDir,
      WriteAheadLogSettings settings, Clock clock) {
    this.blockManager = blockManager;
    this.serializer = serializer;
    this.clock = clock;
    if (level.replication() > 1) {
      System.err.println("Eddy: WARN storage level replication " + level.replication() + " is unnecessary when the"
          + " write-ahead log is enabled, change to replication 1 (stream " + streamId + " stores its blocks at "
          + StorageLevel.create(level.useDisk(), level.useMemory(), level.deserialized(), 1).description() + ")");
    }
    this.level = StorageLevel.create(level.useDisk(), level.useMemory(), level.deserialized(), 1);
    this.log = FileBasedWriteAheadLog.open(logDirectory(checkpointDir, streamId), settings, clock);
  }

  /** Returns the directory of stream {@code streamId}'s receiver log under {@code checkpointDir}. */
  public static Path logDirectory(Path checkpointDir, int streamId) {
    return checkpointDir.resolve("receivedData").resolve(Integer.toString(streamId));
  }

  /** Returns the level blocks are stored at in the block manager: the receiver's, with one copy. */
  public StorageLevel storageLevel() {
    return level;
  }

  /** Returns the receiver's log. */
  public FileBasedWriteAheadLog log() {
    return log;
  }

  /**
   * Stores the block in the block manager, then appends it to the log; returns once both hold it.
   *
   * @throws IllegalStateException if the block manager has no room at a level without disk
   * @throws RuntimeException if the log write fails; the block is then removed again
   */
  @Override
  public ReceivedBlockStoreResult storeBlock(BlockId.Stream blockId, List<?> records) {
    byte[] bytes = serializer.serialize(new ArrayList<>(records));
    if (!blockManager.put(blockId, records, level)) {
      throw new IllegalStateException(
          "Could not store received block " + blockId.name() + " (" + records.size() + " records) at " + level
              + ": memory is full and the level does not use disk");
    }
    WriteAheadLogRecordHandle handle;
    try {
      handle = log.write(ByteBuffer.wrap(bytes), clock.getTimeMillis());
    } catch (RuntimeException e) {
      blockManager.remove(blockId);
      throw e;
    }
    return new ReceivedBlockStoreResult(blockId, records.size(), handle);
  }

  @Override
  public void removeBlock(BlockId.Stream blockId) {
    blockManager.remove(blockId);
  }

  /** Deletes the log's oldest segments whose blocks were all stored before {@code threshTime}, in the background. */
  @Override
  public void cleanupOldBlocks(long threshTime) {
    if (log.segmentFiles().size() > 1) { // the segment being written is never deleted: skip the threshold's sync
      log.clean(threshTime, false);
    }
  }

  @Override
  public void flush() {
    log.flush();
  }

  @Override
  public void close() {
    log.close();
  }
}
