package dev.eddy.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import org.junit.jupiter.api.Test;

class StorageConfTest {
  @Test
  void budgetsDefaultTo256MegabytesAndMustBeByteCounts() {
    EddyConf conf = new EddyConf(false);
    assertEquals(256L << 20, conf.getBytes(EddyConf.STORAGE_MEMORY_BYTES.name()));
    assertEquals(256L << 20, conf.getBytes(EddyConf.SHUFFLE_MEMORY_BYTES.name()));
    assertEquals(65536, conf.set(EddyConf.SHUFFLE_MEMORY_BYTES.name(), "65536").getBytes("eddy.shuffle.memory.bytes"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> conf.set(EddyConf.STORAGE_MEMORY_BYTES.name(), "256m"));
    assertEquals("eddy.storage.memory.bytes must be a number of bytes (0 or more), not '256m'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> conf.set(EddyConf.SHUFFLE_MEMORY_BYTES.name(), "-1"));
    assertEquals(System.getProperty("java.io.tmpdir"), conf.get(EddyConf.LOCAL_DIR.name()));
  }

  @Test
  void theContextSizesItsBlockManagerFromItsConf() {
    EddyContext sc = new EddyContext(new EddyConf(false).setMaster("local[1]")
        .set(EddyConf.STORAGE_MEMORY_BYTES.name(), "12345"));
    try {
      assertEquals(12345, sc.blockManager().metrics().memoryMaxBytes());
      assertEquals("kryo", sc.serializer().name());
      assertTrue(sc.blockManager().serializer() == sc.serializer());
    } finally {
      sc.stop();
    }
  }
}
