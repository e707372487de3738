package dev.eddy.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.EddyException;
import dev.eddy.rdd.internal.LocalCheckpointRDD;
import dev.eddy.storage.BlockId;
import dev.eddy.storage.StorageLevel;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RDD#localCheckpoint()}: lineage cut at the cached blocks, as Spark's. */
class LocalCheckpointTest {
  @TempDir Path tmp;
  private final List<EddyContext> contexts = new ArrayList<>();

  @AfterEach
  void stop() {
    contexts.forEach(EddyContext::stop);
  }

  private EddyContext context(String... settings) {
    EddyConf conf = new EddyConf(false).setMaster("local[2]").setAppName("local-checkpoint-test")
        .set(EddyConf.LOCAL_DIR.name(), tmp.toString());
    for (int i = 0; i < settings.length; i += 2) {
      conf.set(settings[i], settings[i + 1]);
    }
    EddyContext sc = new EddyContext(conf);
    contexts.add(sc);
    return sc;
  }

  @Test
  void theNextActionCutsTheLineageAtTheCachedBlocks() {
    EddyContext sc = context();
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> rdd = sc.parallelize(range(20), 4).map(x -> {
      calls.incrementAndGet();
      return x * 10;
    }).filter(x -> x % 20 == 0);
    assertTrue(rdd == rdd.localCheckpoint());
    assertTrue(rdd.isLocallyCheckpointed());
    assertFalse(rdd.isCheckpointed(), "not before an action");
    assertEquals(StorageLevel.MEMORY_AND_DISK, rdd.getStorageLevel());
    assertTrue(rdd.toDebugString().contains("ParallelCollectionRDD"));

    List<Integer> expected = IntStream.range(0, 10).mapToObj(i -> i * 20).toList();
    assertEquals(expected, rdd.collect());
    assertEquals(20, calls.get(), "every partition was cached by the action: no second job");
    assertTrue(rdd.isCheckpointed());
    assertEquals(Optional.empty(), rdd.getCheckpointFile());
    assertEquals(1, rdd.dependencies().size());
    assertTrue(rdd.dependencies().get(0).rdd() instanceof LocalCheckpointRDD<?>);
    assertTrue(rdd.dependencies().get(0).rdd().dependencies().isEmpty());
    assertFalse(rdd.toDebugString().contains("ParallelCollectionRDD"), rdd.toDebugString());
    assertEquals(2, rdd.toDebugString().lines().count(), rdd.toDebugString());

    assertEquals(expected, rdd.collect());
    assertEquals(expected.stream().map(x -> x + 1).toList(), rdd.map(x -> x + 1).collect());
    assertEquals(20, calls.get(), "a checkpointed RDD reads its blocks");
  }

  @Test
  void partitionsTheActionDidNotComputeAreCachedByASecondJob() {
    EddyContext sc = context();
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> rdd = sc.parallelize(range(12), 3).map(x -> {
      calls.incrementAndGet();
      return x;
    }).localCheckpoint();
    List<Integer> first = sc.runJob(rdd, (ctx, it) -> it.next(), List.of(0));
    assertEquals(List.of(0), first);
    assertEquals(12, calls.get(), "partition 0 by the action, 1 and 2 by the checkpoint's job");
    for (int p = 0; p < 3; p++) {
      assertTrue(sc.blockManager().contains(BlockId.rdd(rdd.id(), p)), "block of partition " + p);
    }
    assertTrue(rdd.isCheckpointed());
    assertEquals(range(12), rdd.collect());
    assertEquals(12, calls.get());
  }

  @Test
  void aPersistedRddKeepsItsLevelWithDiskAdded() {
    EddyContext sc = context();
    RDD<Integer> ser = sc.parallelize(range(4), 2).persist(StorageLevel.MEMORY_ONLY_SER).localCheckpoint();
    assertEquals(StorageLevel.MEMORY_AND_DISK_SER, ser.getStorageLevel());
    RDD<Integer> memory = sc.parallelize(range(4), 2).cache().localCheckpoint();
    assertEquals(StorageLevel.MEMORY_AND_DISK, memory.getStorageLevel());
    // a level set afterwards replaces it, with disk added, where persist would otherwise refuse a change
    memory.persist(StorageLevel.MEMORY_ONLY_SER_2);
    assertEquals(StorageLevel.MEMORY_AND_DISK_SER_2, memory.getStorageLevel());
    assertEquals(range(4), memory.collect());
    assertThrows(UnsupportedOperationException.class,
        () -> sc.parallelize(range(4), 2).cache().persist(StorageLevel.MEMORY_ONLY_SER));
  }

  @Test
  void aLostBlockCannotBeRecomputedAndTheErrorSaysWhy() {
    EddyContext sc = context();
    RDD<Integer> rdd = sc.parallelize(range(8), 2).map(x -> x + 1).localCheckpoint();
    assertEquals(8, rdd.count());
    rdd.unpersist();
    EddyException e = assertThrows(EddyException.class, rdd::collect);
    String message = messages(e);
    assertTrue(message.contains("Checkpoint block rdd_" + rdd.id() + "_"), message);
    assertTrue(message.contains("cannot be recomputed"), message);
    assertTrue(message.contains("localCheckpoint()"), message);
    assertTrue(message.contains("rdd.checkpoint()"), message);
  }

  @Test
  void blocksEvictedUnderMemoryPressureGoToDiskAndStayReadable() {
    // room for about one partition of 5,000 boxed integers in memory
    EddyContext sc = context(EddyConf.STORAGE_MEMORY_BYTES.name(), String.valueOf(150_000));
    List<RDD<Integer>> rdds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int offset = i;
      RDD<Integer> rdd = sc.parallelize(range(10_000), 2).map(x -> x + offset).localCheckpoint();
      assertEquals(10_000, rdd.count());
      rdds.add(rdd);
    }
    assertTrue(sc.blockManager().metrics().evictions() > 0, "the budget forced evictions");
    for (int i = 0; i < 4; i++) {
      int offset = i;
      assertEquals(range(10_000).stream().map(x -> x + offset).toList(), rdds.get(i).collect());
    }
  }

  @Test
  void aLineageGrownInALoopStaysShort() {
    EddyContext sc = context();
    RDD<Integer> rdd = sc.parallelize(range(10), 2);
    for (int i = 1; i <= 1_000; i++) {
      RDD<Integer> next = rdd.map(x -> x + 1).localCheckpoint();
      assertEquals(10, next.count());
      rdd.unpersist();
      rdd = next;
      assertEquals(2, rdd.toDebugString().lines().count(), "iteration " + i);
    }
    assertEquals(range(10).stream().map(x -> x + 1_000).toList(), rdd.collect());
    assertTrue(sc.blockManager().metrics().blocks() <= 2, "only the last RDD's blocks stay");
  }

  @Test
  void aCheckpointedRddLetsGoOfItsParents() {
    EddyContext sc = context();
    RDD<Integer> parent = sc.parallelize(range(1_000), 2);
    WeakReference<RDD<Integer>> parentRef = new WeakReference<>(parent);
    RDD<Integer> zipped = parent.zip(parent.map(x -> -x)).map(t -> t._1() + t._2()).localCheckpoint();
    parent = null;
    assertEquals(0, zipped.reduce(Integer::sum));
    for (int i = 0; i < 50 && parentRef.get() != null; i++) {
      System.gc();
    }
    assertEquals(null, parentRef.get(), "the parent and its data were collected");
    assertEquals(1_000, zipped.count());
  }

  @Test
  void checkpointAfterLocalCheckpointIsIgnoredAndLocalOverridesAPendingCheckpoint() {
    EddyContext sc = context();
    sc.setCheckpointDir(tmp.resolve("checkpoints").toString());
    RDD<Integer> local = sc.parallelize(range(6), 2).localCheckpoint();
    local.checkpoint();
    local.count();
    assertTrue(local.isCheckpointed());
    assertEquals(Optional.empty(), local.getCheckpointFile());
    assertTrue(local.dependencies().get(0).rdd() instanceof LocalCheckpointRDD<?>);

    RDD<Integer> reliableFirst = sc.parallelize(range(6), 2);
    reliableFirst.checkpoint();
    reliableFirst.localCheckpoint();
    reliableFirst.count();
    assertEquals(Optional.empty(), reliableFirst.getCheckpointFile());
    assertTrue(reliableFirst.dependencies().get(0).rdd() instanceof LocalCheckpointRDD<?>);

    RDD<Integer> written = sc.parallelize(range(6), 2);
    written.checkpoint();
    written.count();
    written.localCheckpoint();
    assertFalse(written.isLocallyCheckpointed(), "a written checkpoint stays");
    assertTrue(written.getCheckpointFile().isPresent());
  }

  @Test
  void aPairRddStaysTyped() {
    EddyContext sc = context();
    PairRDD<Integer, Integer> pairs = sc.parallelize(range(6), 2).keyBy(x -> x % 3).localCheckpoint();
    assertEquals(6, pairs.reduceByKey(Integer::sum).count() * 2);
    assertTrue(pairs.isCheckpointed());
  }

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
