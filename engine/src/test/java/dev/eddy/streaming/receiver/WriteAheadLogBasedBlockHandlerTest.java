package dev.eddy.streaming.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.serializer.Serializer;
import dev.eddy.serializer.Serializers;
import dev.eddy.storage.BlockId;
import dev.eddy.storage.BlockManager;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.util.FileBasedWriteAheadLog;
import dev.eddy.streaming.util.FileBasedWriteAheadLogSegment;
import dev.eddy.streaming.util.WriteAheadLogSettings;
import dev.eddy.util.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogBasedBlockHandlerTest {
  private final Serializer serializer = Serializers.kryo();
  private final ManualClock clock = new ManualClock(5000);
  private final List<BlockManager> managers = new ArrayList<>();

  @AfterEach
  void stop() {
    managers.forEach(BlockManager::stop);
  }

  private BlockManager blockManager(Path dir) {
    BlockManager bm = new BlockManager(serializer, 1 << 20, dir.resolve("blocks"));
    managers.add(bm);
    return bm;
  }

  private List<Integer> readBack(Object handle) {
    ByteBuffer record = FileBasedWriteAheadLog.readRecord((FileBasedWriteAheadLogSegment) handle);
    byte[] bytes = new byte[record.remaining()];
    record.get(bytes);
    return serializer.deserialize(bytes);
  }

  @Test
  void storeBlockPutsTheBlockInTheBlockManagerAndTheLogBeforeReturning(@TempDir Path dir) {
    BlockManager bm = blockManager(dir);
    var handler = new WriteAheadLogBasedBlockHandler(
        bm, serializer, 3, StorageLevel.MEMORY_ONLY_SER, dir, WriteAheadLogSettings.DEFAULTS, clock);
    BlockId.Stream id = new BlockId.Stream(3, 0);
    ReceivedBlockStoreResult result = handler.storeBlock(id, List.of(1, 2, 3));
    assertEquals(3, result.numRecords());
    assertEquals(List.of(1, 2, 3), bm.get(id).orElseThrow());
    var handle = (FileBasedWriteAheadLogSegment) result.walHandle().orElseThrow();
    assertEquals(dir.resolve("receivedData").resolve("3"), Path.of(handle.path()).getParent());
    assertEquals(List.of(1, 2, 3), readBack(handle));
    handler.close();
    // the record carries the clock's time: cleaning before a later time drops its segment once it is not the newest
    try (FileBasedWriteAheadLog log = FileBasedWriteAheadLog.open(
        WriteAheadLogBasedBlockHandler.logDirectory(dir, 3), WriteAheadLogSettings.DEFAULTS, clock)) {
      List<List<Integer>> all = new ArrayList<>();
      log.readAll().forEachRemaining(b -> {
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        all.add(serializer.deserialize(bytes));
      });
      assertEquals(List.of(List.of(1, 2, 3)), all);
    }
  }

  @Test
  void aReplicatedLevelIsStoredWithOneCopyAndAWarning(@TempDir Path dir) {
    String[] err = new String[1];
    var handler = captureStderrValue(err, () -> new WriteAheadLogBasedBlockHandler(
        blockManager(dir), serializer, 1, StorageLevel.MEMORY_AND_DISK_SER_2, dir, WriteAheadLogSettings.DEFAULTS, clock));
    assertEquals(StorageLevel.MEMORY_AND_DISK_SER, handler.storageLevel());
    handler.close();
    assertTrue(err[0].contains("Eddy: WARN storage level replication 2 is unnecessary when the write-ahead log is enabled,"
        + " change to replication 1 (stream 1 stores its blocks at MEMORY_AND_DISK_SER)"), err[0]);
  }

  @Test
  void aTornTailLosesOnlyTheRecordBeingWritten(@TempDir Path dir) throws Exception {
    var handler = new WriteAheadLogBasedBlockHandler(
        blockManager(dir), serializer, 1, StorageLevel.MEMORY_ONLY, dir, WriteAheadLogSettings.DEFAULTS, clock);
    var first = handler.storeBlock(new BlockId.Stream(1, 0), List.of(1, 2)).walHandle().orElseThrow();
    var second = handler.storeBlock(new BlockId.Stream(1, 1), List.of(3, 4)).walHandle().orElseThrow();
    handler.close();
    // the process died while appending a third block: only part of its frame reached the file
    Path segment = Path.of(((FileBasedWriteAheadLogSegment) second).path());
    byte[] whole = Files.readAllBytes(segment);
    long secondEnd = ((FileBasedWriteAheadLogSegment) second).offset() + 16 + ((FileBasedWriteAheadLogSegment) second).length();
    byte[] frameOfSecond = java.util.Arrays.copyOfRange(whole, (int) ((FileBasedWriteAheadLogSegment) second).offset(), (int) secondEnd);
    Files.write(segment, java.util.Arrays.copyOf(frameOfSecond, frameOfSecond.length - 3), StandardOpenOption.APPEND);

    // a new process opens the receiver's log again
    String[] reported = new String[1];
    WriteAheadLogBasedBlockHandler reopened = captureStderrValue(reported, () -> new WriteAheadLogBasedBlockHandler(
        blockManager(dir.resolve("second")), serializer, 1, StorageLevel.MEMORY_ONLY, dir,
        WriteAheadLogSettings.DEFAULTS, clock));
    assertTrue(reported[0].contains("has a torn tail at offset " + secondEnd), reported[0]);
    assertEquals(List.of(1, 2), readBack(first));
    assertEquals(List.of(3, 4), readBack(second));
    var third = reopened.storeBlock(new BlockId.Stream(1, 2), List.of(5)).walHandle().orElseThrow();
    assertEquals(secondEnd, ((FileBasedWriteAheadLogSegment) third).offset());
    assertEquals(List.of(5), readBack(third));
    reopened.close();
  }

  private static <T> T captureStderrValue(String[] err, Supplier<T> body) {
    PrintStream original = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      return body.get();
    } finally {
      System.setErr(original);
      err[0] = bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
