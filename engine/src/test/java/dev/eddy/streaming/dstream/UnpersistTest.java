package dev.eddy.streaming.dstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.rdd.RDD;
import dev.eddy.storage.BlockId;
import dev.eddy.storage.StorageLevel;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stream unpersists the RDDs it persisted when it forgets them, as Spark, and only those. */
class UnpersistTest {
  private final StreamHarness h = new StreamHarness("unpersist-test", 1000);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void aPersistedInputStreamUnpersistsEachRddWhenItForgetsIt() {
    Queue<RDD<Integer>> queue = new ConcurrentLinkedQueue<>();
    List<RDD<Integer>> queued = List.of(
        h.sc.parallelize(List.of(1, 2), 2), h.sc.parallelize(List.of(3), 2), h.sc.parallelize(List.of(4, 5), 2));
    RDD<Integer> userCached = h.sc.parallelize(List.of(6, 7), 2).cache();
    queue.addAll(queued);
    queue.add(userCached);
    DStream<Integer> input = h.ssc.queueStream(queue).persist(StorageLevel.MEMORY_ONLY);
    Map<Long, List<Integer>> out = h.collect(input.map(x -> x * 10));

    h.runBatches(2);
    // the batch just run is remembered and cached; the one before it is forgotten
    assertEquals(StorageLevel.NONE, queued.get(0).getStorageLevel());
    assertFalse(h.sc.blockManager().contains(BlockId.rdd(queued.get(0).id(), 0)));
    assertEquals(StorageLevel.MEMORY_ONLY, queued.get(1).getStorageLevel());
    assertTrue(h.sc.blockManager().contains(BlockId.rdd(queued.get(1).id(), 0)));

    h.runBatches(3);
    for (RDD<Integer> rdd : queued) {
      assertEquals(StorageLevel.NONE, rdd.getStorageLevel(), rdd.toString());
      assertFalse(h.sc.blockManager().contains(BlockId.rdd(rdd.id(), 1)), rdd.toString());
    }
    // the user cached this one before queueing it: the stream did not persist it, so it stays
    assertEquals(StorageLevel.MEMORY_ONLY, userCached.getStorageLevel());
    assertTrue(h.sc.blockManager().contains(BlockId.rdd(userCached.id(), 0)));
    assertEquals(List.of(60, 70), out.get(4000L));

    h.ssc.stop();
    assertEquals(List.of(), input.rememberedBatchTimes());
    assertEquals(StorageLevel.MEMORY_ONLY, userCached.getStorageLevel(), "a stop forgets, it does not unpersist it");
  }
}
