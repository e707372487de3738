package dev.eddy.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.serializer.SerializationException;
import dev.eddy.serializer.Serializers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockManagerTest {
  @TempDir Path tmp;

  private static final List<Integer> VALUES = range(500);
  private static final long SIZE = SizeEstimator.estimateList(VALUES);

  private BlockManager manager(long memoryBytes) {
    return new BlockManager(Serializers.kryo(), memoryBytes, tmp.resolve("blocks"));
  }

  @Test
  void leastRecentlyUsedBlocksOfOtherRddsAreEvictedToDiskOrDropped() {
    BlockManager blocks = manager(2 * SIZE + SIZE / 2);
    assertTrue(blocks.put(BlockId.rdd(1, 0), VALUES, StorageLevel.MEMORY_ONLY));
    assertTrue(blocks.put(BlockId.rdd(2, 0), VALUES, StorageLevel.MEMORY_AND_DISK));
    blocks.get(BlockId.rdd(1, 0)); // rdd 1 is now the most recently used
    assertTrue(blocks.put(BlockId.rdd(3, 0), VALUES, StorageLevel.MEMORY_ONLY));

    BlockStatus second = blocks.status(BlockId.rdd(2, 0)).orElseThrow();
    assertEquals(new BlockStatus(StorageLevel.MEMORY_AND_DISK, 0, 1, 0, second.diskSize()), second,
        "the least recently used block went to disk");
    assertEquals(1, blocks.status(BlockId.rdd(1, 0)).get().copiesInMemory());

    assertTrue(blocks.put(BlockId.rdd(4, 0), VALUES, StorageLevel.MEMORY_ONLY));
    assertEquals(Optional.empty(), blocks.status(BlockId.rdd(1, 0)), "a MEMORY_ONLY block is dropped");
    StorageMetrics m = blocks.metrics();
    assertEquals(2, m.evictions());
    assertEquals(2 * SIZE, m.memoryUsedBytes());
    assertTrue(m.diskUsedBytes() > 0);
    assertEquals(3, m.blocks());

    assertEquals(Optional.of(VALUES), blocks.get(BlockId.rdd(2, 0)));
    assertEquals(1, blocks.status(BlockId.rdd(2, 0)).get().copiesInMemory(), "read from disk, back in memory");
    assertEquals(1, blocks.status(BlockId.rdd(2, 0)).get().copiesOnDisk());
    assertEquals(Optional.empty(), blocks.status(BlockId.rdd(3, 0)), "the least recently used made room");
    assertEquals(3, blocks.metrics().evictions());
  }

  @Test
  void aPutNeverEvictsItsOwnRddAndABlockTooLargeGoesToDiskOrIsNotStored() {
    BlockManager blocks = manager(SIZE + SIZE / 2);
    assertTrue(blocks.put(BlockId.rdd(1, 0), VALUES, StorageLevel.MEMORY_ONLY));
    assertFalse(blocks.put(BlockId.rdd(1, 1), VALUES, StorageLevel.MEMORY_ONLY));
    assertTrue(blocks.contains(BlockId.rdd(1, 0)));
    assertFalse(blocks.contains(BlockId.rdd(1, 1)));
    List<Integer> big = range(5000);
    assertFalse(blocks.put(BlockId.rdd(2, 0), big, StorageLevel.MEMORY_ONLY));
    assertTrue(blocks.contains(BlockId.rdd(1, 0)), "nothing was evicted for a block that cannot fit");
    assertTrue(blocks.put(BlockId.rdd(2, 0), big, StorageLevel.MEMORY_AND_DISK));
    assertEquals(0, blocks.status(BlockId.rdd(2, 0)).get().copiesInMemory());
    assertEquals(Optional.of(big), blocks.get(BlockId.rdd(2, 0)));
  }

  @Test
  void replicatedLevelsKeepTwoIndependentCopies() {
    BlockManager blocks = manager(1 << 20);
    for (StorageLevel level : List.of(StorageLevel.MEMORY_ONLY_2, StorageLevel.MEMORY_ONLY_SER_2,
        StorageLevel.MEMORY_AND_DISK_2, StorageLevel.MEMORY_AND_DISK_SER_2, StorageLevel.DISK_ONLY_2)) {
      BlockId id = BlockId.rdd(level.hashCode(), 0);
      List<StringBuilder> mutable = List.of(new StringBuilder("a"));
      blocks.put(id, mutable, level);
      BlockStatus status = blocks.status(id).get();
      assertEquals(2, status.copiesInMemory() + status.copiesOnDisk(), level.description());
      assertTrue(blocks.dropCopy(id, 0));
      List<StringBuilder> fromSecond = blocks.<StringBuilder>get(id).orElseThrow();
      assertEquals("a", fromSecond.get(0).toString(), level.description());
      assertNotSame(mutable.get(0), fromSecond.get(0), "the second copy does not share objects");
      assertTrue(blocks.dropCopy(id, 1));
      assertEquals(Optional.empty(), blocks.get(id));
      assertFalse(blocks.contains(id));
    }
  }

  @Test
  void getOrElseUpdateComputesOnceAndCountsHitsAndMisses() {
    BlockManager blocks = manager(1 << 20);
    AtomicInteger computed = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      List<Integer> out = new ArrayList<>();
      blocks.getOrElseUpdate(BlockId.rdd(1, 0), StorageLevel.MEMORY_ONLY_SER, () -> {
        computed.incrementAndGet();
        return VALUES.iterator();
      }).forEachRemaining(out::add);
      assertEquals(VALUES, out);
    }
    assertEquals(1, computed.get());
    assertEquals(2, blocks.metrics().hits());
    assertEquals(1, blocks.metrics().misses());
  }

  @Test
  void deserializedMemoryCopiesAreTheStoredObjects() {
    BlockManager blocks = manager(1 << 20);
    StringBuilder element = new StringBuilder("x");
    blocks.put(BlockId.rdd(1, 0), List.of(element), StorageLevel.MEMORY_ONLY);
    assertSame(element, blocks.get(BlockId.rdd(1, 0)).orElseThrow().get(0));
  }

  @Test
  void serializingLevelsNameTheClassThatCannotBeSerialized() {
    BlockManager blocks = new BlockManager(Serializers.java(), 1 << 20, tmp.resolve("blocks"));
    List<Object> values = List.of("fine", new Object());
    SerializationException e = assertThrows(SerializationException.class,
        () -> blocks.put(BlockId.rdd(7, 1), values, StorageLevel.MEMORY_ONLY_SER));
    assertTrue(e.getMessage().startsWith("Cannot store block rdd_7_1 at MEMORY_ONLY_SER with the java serializer:"
        + " object not serializable (class: java.lang.Object, value: java.lang.Object@"), e.getMessage());
    assertFalse(blocks.contains(BlockId.rdd(7, 1)));
    assertTrue(blocks.put(BlockId.rdd(7, 1), values, StorageLevel.MEMORY_ONLY), "objects need no serializer");
  }

  @Test
  void removeAndStopFreeMemoryAndDeleteFiles() throws Exception {
    BlockManager blocks = manager(1 << 20);
    blocks.put(BlockId.rdd(1, 0), VALUES, StorageLevel.MEMORY_ONLY);
    blocks.put(BlockId.rdd(1, 1), VALUES, StorageLevel.DISK_ONLY);
    blocks.put(BlockId.rdd(2, 0), VALUES, StorageLevel.DISK_ONLY);
    try (var files = Files.list(tmp.resolve("blocks"))) {
      assertEquals(List.of("rdd_1_1", "rdd_2_0"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals(2, blocks.removeRdd(1));
    assertEquals(0, blocks.metrics().memoryUsedBytes());
    assertFalse(Files.exists(tmp.resolve("blocks/rdd_1_1")));
    blocks.stop();
    assertFalse(Files.exists(tmp.resolve("blocks")));
    assertEquals(0, blocks.metrics().blocks());
  }

  private static List<Integer> range(int n) {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(i * 1000);
    }
    return values;
  }
}
