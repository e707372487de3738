package dev.eddy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EddyConfTest {
  @Test
  void masterUrlsGiveThreadCounts() {
    assertEquals(1, EddyConf.parseMaster("local"));
    assertEquals(3, EddyConf.parseMaster("local[3]"));
    assertEquals(Runtime.getRuntime().availableProcessors(), EddyConf.parseMaster("local[*]"));
    assertEquals(Runtime.getRuntime().availableProcessors(), new EddyConf(false).taskThreads());
  }

  @Test
  void unsupportedMastersAreRejectedWhenSet() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new EddyConf(false).setMaster("yarn"));
    assertTrue(e.getMessage().contains("local[N]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new EddyConf(false).setMaster("local[0]"));
  }

  @Test
  void settersAreFluentAndTypedGettersParse() {
    EddyConf conf = new EddyConf(false).setMaster("local[2]").setAppName("app").set("x.n", "7").set("x.b", "TRUE");
    assertEquals("local[2]", conf.master());
    assertEquals("app", conf.appName());
    assertEquals(7, conf.getInt("x.n", 0));
    assertEquals(5, conf.getInt("missing", 5));
    assertTrue(conf.getBoolean("x.b", false));
    assertEquals("d", conf.get("missing", "d"));
    assertThrows(IllegalArgumentException.class, () -> conf.set("x.n", "seven").getInt("x.n", 0));
    assertThrows(IllegalArgumentException.class, () -> conf.set(EddyConf.STREAMING_PRINT_STDOUT.name(), "maybe"));
  }

  @Test
  void knownKeysHaveDefaults() {
    EddyConf conf = new EddyConf(false);
    assertEquals("local[*]", conf.get(EddyConf.MASTER.name()));
    assertEquals("true", conf.get(EddyConf.STREAMING_PRINT_STDOUT.name()));
    assertFalse(conf.contains(EddyConf.MASTER.name()));
  }

  @Test
  void eddySystemPropertiesAreLoadedByDefault() {
    System.setProperty("eddy.test.loaded", "yes");
    try {
      assertEquals("yes", new EddyConf().get("eddy.test.loaded", "no"));
      assertEquals("no", new EddyConf(false).get("eddy.test.loaded", "no"));
    } finally {
      System.clearProperty("eddy.test.loaded");
    }
  }

  @Test
  void aContextCopiesItsConf() {
    EddyConf conf = new EddyConf(false).setMaster("local[2]");
    EddyContext sc = new EddyContext(conf);
    try {
      conf.setMaster("local[3]");
      assertEquals("local[2]", sc.master());
      assertEquals(2, sc.defaultParallelism());
    } finally {
      sc.stop();
    }
  }
}
