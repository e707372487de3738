package dev.eddy.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.EddyException;
import dev.eddy.api.Tuple2;
import dev.eddy.serializer.Serializers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShuffleSpillTest {
  @TempDir Path tmp;

  @Test
  void aShuffleLargerThanItsBudgetSpillsAndGivesTheSameResult() throws Exception {
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      numbers.add(i);
    }
    Map<Integer, Long> expected = new TreeMap<>();
    numbers.forEach(i -> expected.merge(i % 50_000, (long) i, Long::sum));

    EddyContext unbounded = context(Long.MAX_VALUE);
    EddyContext tiny = context(64 * 1024);
    try {
      Map<Integer, Long> inMemory = sums(unbounded, numbers);
      Map<Integer, Long> spilled = sums(tiny, numbers);
      assertEquals(expected, inMemory);
      assertEquals(expected, spilled);

      assertEquals(0, unbounded.shuffleManager().metrics().spills());
      ShuffleSpillMetrics m = tiny.shuffleManager().metrics();
      assertTrue(m.spills() > 4, "each map task spilled several segments, not its whole output once: " + m);
      assertTrue(m.recordsSpilled() > 150_000 && m.recordsSpilled() <= 200_000, m.toString());
      assertTrue(m.bytesSpilled() > 0);
      assertEquals(0, m.memoryUsedBytes(), "outputs are dropped when the job ends");
      try (var files = Files.walk(tmp)) {
        assertEquals(0, files.filter(Files::isRegularFile).count(), "spill files are deleted with their job");
      }
    } finally {
      unbounded.stop();
      tiny.stop();
    }
  }

  @Test
  void aShuffleWithoutMapSideCombineSpillsWhileTheMapTasksRun() {
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      numbers.add(i);
    }
    EddyContext sc = context(64 * 1024);
    try {
      List<Tuple2<Integer, Integer>> moved = sc.parallelize(numbers, 2)
          .mapToPair(i -> new Tuple2<>(i % 7, i))
          .partitionBy(new dev.eddy.rdd.HashPartitioner(3))
          .collect();
      assertEquals(100_000, moved.size());
      assertEquals(numbers, moved.stream().map(Tuple2::_2).sorted().toList());
      assertTrue(moved.stream().allMatch(p -> p._2() % 7 == p._1()));
      ShuffleSpillMetrics m = sc.shuffleManager().metrics();
      assertTrue(m.spills() > 2, "segments were spilled during each map task: " + m);
      assertTrue(m.recordsSpilled() > 90_000, m.toString());
    } finally {
      sc.stop();
    }
  }

  @Test
  void aReducerReadsMemoryAndSpilledOutputsInMapOrder() {
    ShuffleManager shuffles = new ShuffleManager(100, Serializers.kryo(), tmp.resolve("shuffle"));
    shuffles.putMapOutput(1, 0, 0, 3, List.of(List.of("m0r0"), List.of("m0r1")));
    shuffles.putMapOutput(1, 0, 1, 3, List.of(List.of("m1r0a", "m1r0b"), List.of(), List.of()));
    shuffles.putMapOutput(1, 0, 2, 3, List.of(List.of(), List.of("m2r1")));
    assertTrue(shuffles.metrics().spills() >= 1);
    assertEquals(List.of("m0r0", "m1r0a", "m1r0b"), drain(shuffles.read(1, 0, 0)));
    assertEquals(List.of("m0r1", "m2r1"), drain(shuffles.read(1, 0, 1)));
    shuffles.removeJob(1);
    assertEquals(0, shuffles.size());
    assertEquals(0, shuffles.metrics().memoryUsedBytes());
    assertFalse(Files.exists(tmp.resolve("shuffle/shuffle_spill_1_0_1")));
  }

  @Test
  void aWriterThatIsNotCommittedReleasesItsMemoryAndFiles() throws Exception {
    ShuffleManager shuffles = new ShuffleManager(10_000, Serializers.kryo(), tmp.resolve("shuffle"));
    try (ShuffleWriter writer = shuffles.writer(1, 0, 0, 1, 2)) {
      for (int i = 0; i < 5 * ShuffleWriter.CHECK_EVERY; i++) {
        writer.add(i % 2, "record-" + i);
      }
      assertTrue(shuffles.metrics().spills() > 0);
      try (var files = Files.list(tmp.resolve("shuffle"))) {
        assertTrue(files.count() > 0);
      }
    }
    assertEquals(0, shuffles.metrics().memoryUsedBytes());
    try (var files = Files.list(tmp.resolve("shuffle"))) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aMapTaskThatFailsLeavesNoSpillBehind() throws Exception {
    // one task thread: the map task that succeeds has committed before the other one fails
    EddyContext sc = new EddyContext(new EddyConf(false).setMaster("local[1]")
        .set(EddyConf.SHUFFLE_MEMORY_BYTES.name(), String.valueOf(64 * 1024))
        .set(EddyConf.LOCAL_DIR.name(), tmp.toString()));
    try {
      List<Integer> numbers = new ArrayList<>();
      for (int i = 0; i < 20_000; i++) {
        numbers.add(i);
      }
      assertThrows(EddyException.class, () -> sc.parallelize(numbers, 2)
          .mapToPair(i -> {
            if (i == 19_999) {
              throw new IllegalStateException("boom");
            }
            return new Tuple2<>(i, i);
          })
          .reduceByKey(Integer::sum, 2)
          .collect());
      assertEquals(0, sc.shuffleManager().metrics().memoryUsedBytes());
      try (var files = Files.walk(tmp)) {
        assertEquals(0, files.filter(Files::isRegularFile).count());
      }
    } finally {
      sc.stop();
    }
  }

  private EddyContext context(long shuffleBytes) {
    return new EddyContext(new EddyConf(false).setMaster("local[2]")
        .set(EddyConf.SHUFFLE_MEMORY_BYTES.name(), String.valueOf(shuffleBytes))
        .set(EddyConf.LOCAL_DIR.name(), tmp.toString()));
  }

  private static Map<Integer, Long> sums(EddyContext sc, List<Integer> numbers) {
    List<Tuple2<Integer, Long>> pairs = sc.parallelize(numbers, 4)
        .mapToPair(i -> new Tuple2<>(i % 50_000, (long) i))
        .reduceByKey(Long::sum, 3)
        .collect();
    Map<Integer, Long> out = new TreeMap<>();
    pairs.forEach(p -> out.put(p._1(), p._2()));
    assertEquals(50_000, pairs.size());
    return out;
  }

  private static List<Object> drain(java.util.Iterator<Object> it) {
    List<Object> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
