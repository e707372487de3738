package dev.eddy.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HashPartitionerTest {
  private static final Object NEGATIVE_HASH = new Object() {
    @Override
    public int hashCode() {
      return -7;
    }
  };

  @Test
  void placesKeysByNonNegativeModulo() {
    HashPartitioner p = new HashPartitioner(3);
    assertEquals(2, p.getPartition(NEGATIVE_HASH)); // -7 mod 3 = 2, not -1
    assertEquals(1, p.getPartition(4));
    assertEquals(Math.floorMod("word".hashCode(), 3), p.getPartition("word"));
    assertEquals(Math.floorMod(Integer.MIN_VALUE, 3), p.getPartition(Integer.MIN_VALUE));
  }

  @Test
  void nullKeysGoToPartitionZero() {
    assertEquals(0, new HashPartitioner(5).getPartition(null));
  }

  @Test
  void equalByPartitionCount() {
    assertEquals(new HashPartitioner(4), new HashPartitioner(4));
    assertNotEquals(new HashPartitioner(4), new HashPartitioner(5));
    assertThrows(IllegalArgumentException.class, () -> new HashPartitioner(0));
  }
}
