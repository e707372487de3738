package dev.eddy.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.EddyException;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.internal.CheckpointRDD;
import dev.eddy.serializer.SerializationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  @TempDir Path tmp;
  private EddyContext sc = new EddyContext("local[2]", "checkpoint-test");

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void theNextActionWritesOneFilePerPartitionAndCutsTheLineage() throws Exception {
    sc.setCheckpointDir(tmp.toString());
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> rdd = sc.parallelize(range(20), 4).map(x -> {
      calls.incrementAndGet();
      return x * 10;
    }).filter(x -> x % 20 == 0);
    rdd.checkpoint();
    assertFalse(rdd.isCheckpointed());
    assertEquals(Optional.empty(), rdd.getCheckpointFile());

    List<Integer> expected = rdd.collect();
    assertEquals(List.of(0, 20, 40, 60, 80, 100, 120, 140, 160, 180), expected);
    assertTrue(rdd.isCheckpointed());
    assertEquals(40, calls.get(), "the action and the checkpoint job each computed the lineage");

    Path dir = Path.of(rdd.getCheckpointFile().orElseThrow());
    assertEquals("rdd-" + rdd.id(), dir.getFileName().toString());
    assertTrue(dir.startsWith(Path.of(sc.getCheckpointDir().orElseThrow())));
    try (var files = Files.list(dir)) {
      assertEquals(List.of("part-00000", "part-00001", "part-00002", "part-00003"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals(1, rdd.dependencies().size());
    assertTrue(rdd.dependencies().get(0).rdd() instanceof CheckpointRDD<?>);
    assertFalse(rdd.toDebugString().contains("ParallelCollectionRDD"), rdd.toDebugString());

    assertEquals(expected, rdd.collect());
    assertEquals(expected, rdd.map(x -> x).collect());
    assertEquals(40, calls.get(), "a checkpointed RDD reads its files");
  }

  @Test
  void aCachedRddIsCheckpointedFromItsCache() {
    sc.setCheckpointDir(tmp.toString());
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> rdd = sc.parallelize(range(20), 4).map(x -> {
      calls.incrementAndGet();
      return x;
    }).cache();
    rdd.checkpoint();
    assertEquals(range(20), rdd.collect());
    assertTrue(rdd.isCheckpointed());
    assertEquals(20, calls.get(), "the checkpoint job read the cached partitions");
    rdd.unpersist();
    assertEquals(range(20), rdd.collect());
    assertEquals(20, calls.get(), "without the cache, the files are read");
  }

  @Test
  void aShuffledRddCheckpointedNeedsNoShuffleAfterwards() {
    sc.setCheckpointDir(tmp.toString());
    PairRDD<Integer, Integer> sums = sc.parallelize(range(10), 3)
        .mapToPair(x -> new Tuple2<>(x % 2, x))
        .reduceByKey(Integer::sum, 2);
    sums.checkpoint();
    List<Tuple2<Integer, Integer>> expected = sums.collect();
    assertTrue(sums.isCheckpointed());
    assertTrue(sums.dependencies().stream().noneMatch(d -> d instanceof ShuffleDependency<?, ?, ?>));
    assertEquals(expected, sums.collect());
    assertEquals(List.of(new Tuple2<>(0, 20), new Tuple2<>(1, 25)), expected);
    assertEquals(sums.partitioner(), sums.dependencies().get(0).rdd().partitioner());
  }

  @Test
  void aMarkedParentIsWrittenByAJobOnItsChild() {
    sc.setCheckpointDir(tmp.toString());
    RDD<Integer> parent = sc.parallelize(range(6), 2).map(x -> x + 1);
    parent.checkpoint();
    RDD<Integer> child = parent.map(x -> x * 2);
    assertEquals(List.of(2, 4, 6, 8, 10, 12), child.collect());
    assertTrue(parent.isCheckpointed());
    assertFalse(child.isCheckpointed());
    assertEquals(List.of(2, 4, 6, 8, 10, 12), child.collect());
  }

  @Test
  void checkpointWithoutADirectoryIsSparksError() {
    RDD<Integer> rdd = sc.parallelize(range(3), 1);
    EddyException e = assertThrows(EddyException.class, rdd::checkpoint);
    assertTrue(e.getMessage().startsWith("Checkpoint directory has not been set in the EddyContext"), e.getMessage());
  }

  @Test
  void closuresNeedNotBeSerializableButElementsMust() {
    sc.stop();
    sc = new EddyContext(new EddyConf(false).setMaster("local[2]").set("spark.serializer", "java"));
    sc.setCheckpointDir(tmp.toString());
    Object notSerializable = new Object();
    RDD<String> captured = sc.parallelize(range(4), 2).map(x -> x + "" + (notSerializable != null));
    captured.checkpoint();
    assertEquals(List.of("0true", "1true", "2true", "3true"), captured.collect());
    assertTrue(captured.isCheckpointed());

    RDD<Object> objects = sc.parallelize(range(2), 1).map(x -> new Object());
    objects.checkpoint();
    EddyException e = assertThrows(EddyException.class, objects::collect);
    assertTrue(e.getCause() instanceof SerializationException, String.valueOf(e.getCause()));
    assertTrue(e.getCause().getMessage().contains(
        "with the java serializer: object not serializable (class: java.lang.Object"), e.getCause().getMessage());
    assertFalse(objects.isCheckpointed());
    assertFalse(Files.exists(Path.of(sc.getCheckpointDir().orElseThrow(), "rdd-" + objects.id())));
  }

  private static List<Integer> range(int n) {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(i);
    }
    return values;
  }
}
