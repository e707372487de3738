package dev.eddy.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.EddyException;
import dev.eddy.api.Tuple2;
import dev.eddy.serializer.SerializationException;
import dev.eddy.storage.BlockId;
import dev.eddy.storage.BlockStatus;
import dev.eddy.storage.SizeEstimator;
import dev.eddy.storage.StorageLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PersistTest {
  @TempDir Path tmp;
  private final List<EddyContext> contexts = new ArrayList<>();

  @AfterEach
  void stop() {
    contexts.forEach(EddyContext::stop);
  }

  private EddyContext context(String... settings) {
    EddyConf conf = new EddyConf(false).setMaster("local[2]").setAppName("persist-test")
        .set(EddyConf.LOCAL_DIR.name(), tmp.toString());
    for (int i = 0; i < settings.length; i += 2) {
      conf.set(settings[i], settings[i + 1]);
    }
    EddyContext sc = new EddyContext(conf);
    contexts.add(sc);
    return sc;
  }

  static List<StorageLevel> validLevels() {
    return StorageLevel.ALL.stream().filter(StorageLevel::isValid).toList();
  }

  @Test
  void countOfAPersistedParallelCollectionFillsTheCache() {
    EddyContext sc = context();
    RDD<Integer> plain = sc.parallelize(range(10), 2);
    assertEquals(10L, plain.count());
    assertEquals(0, sc.blockManager().metrics().blocks(), "an unpersisted list is counted without a job");

    RDD<Integer> cached = sc.parallelize(range(10), 2).persist(StorageLevel.MEMORY_ONLY_SER);
    assertEquals(10L, cached.count());
    assertEquals(2, sc.blockManager().metrics().blocks());
    assertTrue(sc.blockManager().metrics().memoryUsedBytes() > 0);
  }

  @ParameterizedTest
  @MethodSource("validLevels")
  void everyLevelRoundTripsAndTheSecondActionReadsTheCache(StorageLevel level) {
    EddyContext sc = context();
    AtomicInteger calls = new AtomicInteger();
    RDD<String> rdd = sc.parallelize(range(100), 4).map(x -> {
      calls.incrementAndGet();
      return "v" + x;
    });
    List<String> uncached = rdd.collect();
    assertEquals(100, calls.get());

    assertSame(rdd, rdd.persist(level));
    assertEquals(level, rdd.getStorageLevel());
    assertEquals(uncached, rdd.collect());
    assertEquals(200, calls.get());
    assertEquals(uncached, rdd.collect());
    assertEquals(100L, rdd.count());
    assertEquals(200, calls.get(), "cached partitions are not recomputed");
    assertEquals(8, sc.blockManager().metrics().hits());
    assertEquals(4, sc.blockManager().metrics().misses());
    BlockStatus status = sc.blockManager().status(BlockId.rdd(rdd.id(), 0)).orElseThrow();
    assertEquals(level.replication(), level.useMemory() ? status.copiesInMemory() : status.copiesOnDisk());
  }

  @ParameterizedTest
  @MethodSource("validLevels")
  void replicatedLevelsSurviveLosingOneCopy(StorageLevel level) {
    EddyContext sc = context();
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> rdd = sc.parallelize(range(10), 2).map(x -> {
      calls.incrementAndGet();
      return x * 2;
    }).persist(level);
    List<Integer> expected = rdd.collect();
    sc.blockManager().dropCopy(BlockId.rdd(rdd.id(), 0), 0);
    assertEquals(expected, rdd.collect());
    int recomputed = level.replication() == 2 ? 0 : 5;
    assertEquals(10 + recomputed, calls.get(), level + ": only a level with a second copy avoids the recompute");
  }

  @Test
  void leastRecentlyUsedRddIsRecomputedUnderMemoryOnlyAndReadFromDiskUnderMemoryAndDisk() {
    long partition = SizeEstimator.estimateList(range(500));
    EddyContext sc = context(EddyConf.STORAGE_MEMORY_BYTES.name(), String.valueOf(2 * partition + partition / 2));
    AtomicInteger aCalls = new AtomicInteger();
    AtomicInteger cCalls = new AtomicInteger();
    RDD<Integer> a = sc.parallelize(range(1000), 2).map(x -> {
      aCalls.incrementAndGet();
      return x;
    }).persist(StorageLevel.MEMORY_ONLY);
    RDD<Integer> b = sc.parallelize(range(1000), 2).map(x -> x).persist(StorageLevel.MEMORY_ONLY);
    RDD<Integer> c = sc.parallelize(range(1000), 2).map(x -> {
      cCalls.incrementAndGet();
      return x;
    }).persist(StorageLevel.MEMORY_AND_DISK);

    assertEquals(1000, a.count());
    assertEquals(1000, b.count()); // evicts a
    assertEquals(1000, a.count());
    assertEquals(2000, aCalls.get(), "a MEMORY_ONLY RDD evicted is recomputed from lineage");

    assertEquals(1000, c.count());
    assertEquals(1000, b.count()); // evicts c, to disk
    BlockStatus status = sc.blockManager().status(BlockId.rdd(c.id(), 1)).orElseThrow();
    assertEquals(0, status.copiesInMemory());
    assertEquals(1, status.copiesOnDisk());
    assertEquals(range(1000), c.collect());
    assertEquals(1000, cCalls.get(), "a MEMORY_AND_DISK RDD evicted is read back from disk");
    assertTrue(sc.blockManager().metrics().evictions() >= 6);
    assertTrue(sc.blockManager().metrics().memoryUsedBytes() <= 2 * partition + partition / 2);
  }

  @Test
  void aLevelCannotChangeOnceAssignedUntilUnpersisted() {
    EddyContext sc = context();
    RDD<Integer> rdd = sc.parallelize(range(10), 2).cache();
    assertSame(rdd, rdd.persist(StorageLevel.MEMORY_ONLY));
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, () -> rdd.persist(StorageLevel.DISK_ONLY));
    assertTrue(e.getMessage().startsWith(
        "Cannot change storage level of an RDD after it was already assigned a level"), e.getMessage());
    rdd.unpersist();
    assertEquals(StorageLevel.NONE, rdd.getStorageLevel());
    rdd.persist(StorageLevel.DISK_ONLY);
  }

  @Test
  void unpersistFreesMemoryAndDisk() {
    EddyContext sc = context();
    RDD<Integer> inMemory = sc.parallelize(range(1000), 2).cache();
    RDD<Integer> onDisk = sc.parallelize(range(1000), 2).persist(StorageLevel.DISK_ONLY);
    inMemory.collect(); // parallelize's count() runs no job
    onDisk.collect();
    assertTrue(sc.blockManager().metrics().memoryUsedBytes() > 0);
    assertTrue(sc.blockManager().metrics().diskUsedBytes() > 0);
    inMemory.unpersist();
    onDisk.unpersist();
    assertEquals(0, sc.blockManager().metrics().memoryUsedBytes());
    assertEquals(0, sc.blockManager().metrics().diskUsedBytes());
    assertEquals(0, sc.blockManager().metrics().blocks());
  }

  @Test
  void aPairViewSharesItsRddsCacheAndAShuffledRddIsCachedAcrossJobs() {
    EddyContext sc = context();
    AtomicInteger calls = new AtomicInteger();
    PairRDD<Integer, Integer> sums = sc.parallelize(range(100), 4)
        .mapToPair(x -> {
          calls.incrementAndGet();
          return new Tuple2<>(x % 3, x);
        })
        .reduceByKey(Integer::sum, 2)
        .cache();
    assertEquals(StorageLevel.MEMORY_ONLY, PairRDD.fromRDD(sums.rdd()).getStorageLevel());
    List<Tuple2<Integer, Integer>> first = sums.collect();
    long hits = sc.blockManager().metrics().hits();
    assertEquals(first, sums.collect());
    assertEquals(hits + 2, sc.blockManager().metrics().hits(), "both reduce partitions come from the cache");
    assertEquals(100, calls.get(), "the map stage before a fully cached shuffled RDD does not run again");
    assertEquals(List.of(0, 1, 2), sums.keys().collect().stream().sorted().toList());
    assertEquals(100, calls.get());
    sc.blockManager().dropCopy(BlockId.rdd(sums.id(), 1), 0);
    assertEquals(first, sums.collect());
    assertEquals(200, calls.get(), "with a partition lost, the shuffle runs again");
  }

  @Test
  void serializingLevelsUseTheConfiguredSerializer() {
    EddyContext java = context("spark.serializer", "org.apache.spark.serializer.JavaSerializer");
    EddyContext kryo = context("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    assertEquals("java", java.serializer().name());
    assertEquals("kryo", kryo.serializer().name());
    RDD<Integer> inJava = java.parallelize(range(100), 1).persist(StorageLevel.MEMORY_ONLY_SER);
    RDD<Integer> inKryo = kryo.parallelize(range(100), 1).persist(StorageLevel.MEMORY_ONLY_SER);
    assertEquals(inJava.collect(), inKryo.collect());
    assertEquals(range(100), inJava.collect());
    long javaBytes = java.blockManager().status(BlockId.rdd(inJava.id(), 0)).orElseThrow().memorySize();
    long kryoBytes = kryo.blockManager().status(BlockId.rdd(inKryo.id(), 0)).orElseThrow().memorySize();
    assertNotEquals(javaBytes, kryoBytes);
    assertTrue(kryoBytes < javaBytes, "kryo " + kryoBytes + " bytes, java " + javaBytes);
  }

  static final class NotSerializable {
    @Override
    public String toString() {
      return "a NotSerializable";
    }
  }

  @Test
  void elementsThatCannotBeSerializedFailWithTheirClassNamed() {
    EddyContext sc = context("eddy.serializer", "java");
    RDD<NotSerializable> rdd = sc.parallelize(range(2), 1).map(x -> new NotSerializable());
    assertEquals(2, rdd.cache().count(), "a deserialized level serializes nothing");
    RDD<NotSerializable> ser = sc.parallelize(range(2), 1).map(x -> new NotSerializable())
        .persist(StorageLevel.MEMORY_ONLY_SER);
    EddyException e = assertThrows(EddyException.class, ser::count);
    assertTrue(e.getCause() instanceof SerializationException, String.valueOf(e.getCause()));
    assertTrue(e.getCause().getMessage().contains("with the java serializer: object not serializable (class: "
        + NotSerializable.class.getName() + ", value: a NotSerializable)"), e.getCause().getMessage());
  }

  @Test
  void stopDeletesTheBlockFiles() throws Exception {
    EddyContext sc = context();
    sc.parallelize(range(10), 2).persist(StorageLevel.DISK_ONLY).collect();
    try (var dirs = Files.list(tmp)) {
      assertEquals(1, dirs.count());
    }
    sc.stop();
    try (var dirs = Files.list(tmp)) {
      assertEquals(0, dirs.count());
    }
  }

  private static List<Integer> range(int n) {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(i);
    }
    return values;
  }
}
