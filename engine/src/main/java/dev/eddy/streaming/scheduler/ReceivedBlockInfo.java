package dev.eddy.streaming.scheduler;

import dev.eddy.storage.BlockId;

/**
 * A block a receiver stored and reported, as Spark's {@code ReceivedBlockInfo}: which input
 * stream it belongs to, how many records it holds and where it is. Immutable.
 */
public record ReceivedBlockInfo(int streamId, long numRecords, BlockId.Stream blockId) {
  @Override
  public String toString() {
    return blockId.name() + " (" + numRecords + " records)";
  }
}
