package dev.eddy.streaming.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.storage.BlockId;
import dev.eddy.streaming.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceivedBlockTrackerTest {
  private final ReceivedBlockTracker tracker = new ReceivedBlockTracker();

  private static ReceivedBlockInfo block(int stream, long id, long records) {
    return new ReceivedBlockInfo(stream, records, new BlockId.Stream(stream, id));
  }

  @Test
  void eachBlockGoesToTheFirstBatchAllocatedAfterItArrived() {
    tracker.addBlock(block(1, 0, 5));
    tracker.addBlock(block(2, 0, 3));
    tracker.addBlock(block(1, 1, 2));
    assertTrue(tracker.hasUnallocatedBlocks());
    assertEquals(List.of(block(1, 0, 5), block(1, 1, 2)), tracker.getUnallocatedBlocks(1));
    tracker.allocateBlocksToBatch(new Time(1000));
    assertFalse(tracker.hasUnallocatedBlocks());
    assertEquals(List.of(), tracker.getUnallocatedBlocks(1));
    tracker.addBlock(block(1, 2, 7));
    tracker.allocateBlocksToBatch(new Time(2000));
    tracker.allocateBlocksToBatch(new Time(3000));

    assertEquals(List.of(block(1, 0, 5), block(1, 1, 2)), tracker.getBlocksOfBatch(new Time(1000), 1));
    assertEquals(List.of(block(2, 0, 3)), tracker.getBlocksOfBatch(new Time(1000), 2));
    assertEquals(List.of(block(1, 2, 7)), tracker.getBlocksOfBatch(new Time(2000), 1));
    assertEquals(List.of(), tracker.getBlocksOfBatch(new Time(3000), 1));
  }

  @Test
  void aBatchIsAllocatedOnlyOnce() {
    tracker.addBlock(block(1, 0, 5));
    tracker.allocateBlocksToBatch(new Time(1000));
    tracker.addBlock(block(1, 1, 5));
    tracker.allocateBlocksToBatch(new Time(1000));
    assertEquals(List.of(block(1, 0, 5)), tracker.getBlocksOfBatch(new Time(1000), 1));
    assertTrue(tracker.hasUnallocatedBlocks());
  }

  @Test
  void cleanupForgetsOneStreamsOldBatchesAndReturnsTheirBlocks() {
    tracker.addBlock(block(1, 0, 1));
    tracker.addBlock(block(2, 0, 1));
    tracker.allocateBlocksToBatch(new Time(1000));
    tracker.addBlock(block(1, 1, 1));
    tracker.allocateBlocksToBatch(new Time(2000));

    assertEquals(List.of(block(1, 0, 1)), tracker.cleanupOldBatches(new Time(1000), 1));
    assertEquals(List.of(), tracker.getBlocksOfBatch(new Time(1000), 1));
    assertEquals(List.of(block(2, 0, 1)), tracker.getBlocksOfBatch(new Time(1000), 2));
    assertEquals(List.of(block(1, 1, 1)), tracker.getBlocksOfBatch(new Time(2000), 1));
  }
}
