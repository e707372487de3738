package dev.eddy.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.serializer.Serializers;
import org.junit.jupiter.api.Test;

class StorageLevelTest {
  @Test
  void flagsAndToStringFollowSpark() {
    assertEquals("StorageLevel(memory, deserialized, 1 replicas)", StorageLevel.MEMORY_ONLY.toString());
    assertEquals("StorageLevel(disk, memory, 2 replicas)", StorageLevel.MEMORY_AND_DISK_SER_2.toString());
    assertEquals("StorageLevel(disk, 1 replicas)", StorageLevel.DISK_ONLY.toString());
    assertEquals("StorageLevel(1 replicas)", StorageLevel.NONE.toString());
    StorageLevel level = StorageLevel.MEMORY_AND_DISK_2;
    assertTrue(level.useMemory() && level.useDisk() && level.deserialized());
    assertEquals(2, level.replication());
    assertFalse(StorageLevel.MEMORY_ONLY_SER.deserialized());
    assertFalse(StorageLevel.NONE.isValid());
    assertEquals("MEMORY_ONLY_SER_2", StorageLevel.MEMORY_ONLY_SER_2.description());
  }

  @Test
  void namesAndFlagsLeadBackToTheConstants() {
    assertEquals(11, StorageLevel.ALL.size());
    for (StorageLevel level : StorageLevel.ALL) {
      assertSame(level, StorageLevel.fromString(level.description().toLowerCase()));
      assertSame(level,
          StorageLevel.create(level.useDisk(), level.useMemory(), level.deserialized(), level.replication()));
      assertSame(level, Serializers.java().deserialize(Serializers.java().serialize(level)));
    }
    assertSame(StorageLevel.MEMORY_ONLY, StorageLevel.MEMORY_ONLY());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StorageLevel.fromString("MEMORY"));
    assertTrue(e.getMessage().contains("Invalid StorageLevel: MEMORY"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> StorageLevel.create(false, true, true, 3));
  }
}
