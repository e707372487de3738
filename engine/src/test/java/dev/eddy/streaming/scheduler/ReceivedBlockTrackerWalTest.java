package dev.eddy.streaming.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.serializer.Serializer;
import dev.eddy.serializer.Serializers;
import dev.eddy.storage.BlockId;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.util.FileBasedWriteAheadLog;
import dev.eddy.streaming.util.FileBasedWriteAheadLogSegment;
import dev.eddy.streaming.util.WriteAheadLogSettings;
import dev.eddy.util.ManualClock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceivedBlockTrackerWalTest {
  private final ManualClock clock = new ManualClock();

  private static ReceivedBlockInfo block(int stream, long id, long records) {
    return new ReceivedBlockInfo(stream, records, new BlockId.Stream(stream, id),
        new FileBasedWriteAheadLogSegment("/wal/receivedData/" + stream + "/wal-0.log", id * 100, 10));
  }

  private ReceivedBlockTracker open(Path dir, Serializer serializer) {
    return ReceivedBlockTracker.withLog(FileBasedWriteAheadLog.open(dir, WriteAheadLogSettings.DEFAULTS, clock), serializer, clock);
  }

  @Test
  void reopeningReplaysUnallocatedBlocksAndUnfinishedBatchesButNotCompletedOnes(@TempDir Path dir) {
    ReceivedBlockTracker first = open(dir, Serializers.kryo());
    first.addBlock(block(1, 0, 5));
    first.addBlock(block(2, 0, 3));
    first.allocateBlocksToBatch(new Time(1000));
    first.addBlock(block(1, 1, 7));
    first.allocateBlocksToBatch(new Time(2000));
    first.addBlock(block(1, 2, 4));
    first.allocateBlocksToBatch(new Time(3000));
    first.addBlock(block(1, 3, 2));
    assertEquals(List.of(new Time(1000), new Time(2000)), first.batchesCompleted(new Time(2000), 0));
    first.closeLog();

    ReceivedBlockTracker again = open(dir, Serializers.kryo());
    assertEquals(List.of(new Time(3000)), again.recoveredBatches());
    assertEquals(List.of(block(1, 2, 4)), again.getBlocksOfBatch(new Time(3000), 1));
    assertEquals(List.of(), again.getBlocksOfBatch(new Time(2000), 1));
    assertEquals(List.of(), again.getBlocksOfBatch(new Time(1000), 2));
    assertEquals(List.of(block(1, 3, 2)), again.getUnallocatedBlocks(1));
    assertEquals(4, again.nextBlockId(1));
    assertEquals(1, again.nextBlockId(2));
    assertEquals(0, again.nextBlockId(3));
    // generating a recovered batch again keeps its blocks; the next batch takes the recovered unallocated ones
    again.allocateBlocksToBatch(new Time(3000));
    assertEquals(List.of(block(1, 2, 4)), again.getBlocksOfBatch(new Time(3000), 1));
    again.allocateBlocksToBatch(new Time(4000));
    assertEquals(List.of(block(1, 3, 2)), again.getBlocksOfBatch(new Time(4000), 1));
    again.closeLog();
  }

  @Test
  void afterTheLogIsClosedChangesStayInMemory(@TempDir Path dir) {
    ReceivedBlockTracker first = open(dir, Serializers.kryo());
    first.addBlock(block(1, 0, 5));
    first.allocateBlocksToBatch(new Time(1000));
    first.closeLog();
    assertFalse(first.isLogging());
    first.batchesCompleted(new Time(1000), 0);
    first.addBlock(block(1, 1, 5));
    assertEquals(List.of(block(1, 1, 5)), first.getUnallocatedBlocks(1));

    ReceivedBlockTracker again = open(dir, Serializers.kryo());
    assertEquals(List.of(new Time(1000)), again.recoveredBatches());
    assertEquals(List.of(), again.getUnallocatedBlocks(1));
    again.closeLog();
  }

  @Test
  void eventsWrittenWithJavaSerializationAreReadBackAndAnotherSerializerIsNamed(@TempDir Path dir) {
    ReceivedBlockTracker first = open(dir, Serializers.java());
    first.addBlock(block(1, 0, 5));
    first.allocateBlocksToBatch(new Time(1000));
    first.closeLog();
    ReceivedBlockTracker again = open(dir, Serializers.java());
    assertEquals(List.of(block(1, 0, 5)), again.getBlocksOfBatch(new Time(1000), 1));
    again.closeLog();

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> open(dir, Serializers.kryo()));
    assertTrue(e.getMessage().contains("with the kryo serializer"), e.getMessage());
  }
}
