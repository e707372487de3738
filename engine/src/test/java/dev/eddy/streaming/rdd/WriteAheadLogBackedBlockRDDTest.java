package dev.eddy.streaming.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.storage.BlockId;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.util.FileBasedWriteAheadLog;
import dev.eddy.streaming.util.FileBasedWriteAheadLogSegment;
import dev.eddy.streaming.util.WriteAheadLogRecordHandle;
import dev.eddy.streaming.util.WriteAheadLogSettings;
import dev.eddy.util.ManualClock;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogBackedBlockRDDTest {
  private EddyContext sc;
  private FileBasedWriteAheadLog log;

  @BeforeEach
  void start(@TempDir Path dir) {
    sc = new EddyContext(new EddyConf(false).setMaster("local[2]").setAppName("wal-rdd-test"));
    log = FileBasedWriteAheadLog.open(dir.resolve("log"), WriteAheadLogSettings.DEFAULTS, new ManualClock());
  }

  @AfterEach
  void stop() {
    log.close();
    sc.stop();
  }

  private WriteAheadLogRecordHandle write(List<?> records) {
    return log.write(ByteBuffer.wrap(sc.serializer().serialize(new ArrayList<>(records))), 0);
  }

  @Test
  void readsBlocksFromTheBlockManagerAndTheLostOnesFromTheLog() {
    BlockId.Stream kept = new BlockId.Stream(1, 0);
    BlockId.Stream lost = new BlockId.Stream(1, 1);
    // the log holds different records for the kept block, to tell where each partition was read from
    sc.blockManager().put(kept, List.of("from", "memory"), StorageLevel.MEMORY_ONLY);
    var rdd = new WriteAheadLogBackedBlockRDD<String>(
        sc, List.of(kept, lost), List.of(write(List.of("kept", "in", "log")), write(List.of("lost", "block"))));
    assertEquals(List.of(List.of("from", "memory"), List.of("lost", "block")), rdd.glom().collect());
    assertTrue(sc.blockManager().get(lost).isEmpty(), "a block read from the log is not put back");
  }

  @Test
  void aBlockInNeitherPlaceFailsNamingIt() throws Exception {
    var handle = (FileBasedWriteAheadLogSegment) write(List.of(1));
    log.close();
    Files.delete(Path.of(handle.path()));
    var rdd = new WriteAheadLogBackedBlockRDD<Integer>(sc, List.of(new BlockId.Stream(4, 7)), List.of(handle));
    RuntimeException e = assertThrows(RuntimeException.class, rdd::collect);
    String message = rootMessages(e);
    assertTrue(message.contains("Could not read block input-4-7 of RDD " + rdd.id()
        + ": it is not in the block manager, and reading it from the write-ahead log"), message);
    assertTrue(message.contains("no longer exists"), message);
  }

  @Test
  void blockIdsAndHandlesMustPair() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new WriteAheadLogBackedBlockRDD<Integer>(sc, List.of(new BlockId.Stream(1, 0)), List.of()));
    assertEquals("the number of block ids (1) differs from the number of write-ahead log handles (0)", e.getMessage());
  }

  private static String rootMessages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
