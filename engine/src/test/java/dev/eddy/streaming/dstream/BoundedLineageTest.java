package dev.eddy.streaming.dstream;

import static dev.eddy.streaming.dstream.TransformationsTest.toMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.Tuple2;
import dev.eddy.rdd.Dependency;
import dev.eddy.rdd.RDD;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.MapWithStateDStream;
import dev.eddy.streaming.StateSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Streams whose RDDs are built from their previous ones keep a short lineage and a bounded number
 * of cached blocks without a checkpoint directory, through local checkpoints.
 */
class BoundedLineageTest {
  private final StreamHarness h = new StreamHarness("bounded-lineage-test", 1000);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void updateStateByKeyRunsTwoThousandBatchesWithAConstantLineageAndBoundedBlocks() {
    int n = 2_000;
    List<List<String>> batches = randomWords(n, 11);
    PairDStream<String, Integer> counts = h.input(batches)
        .mapToPair(w -> new Tuple2<>(w, 1))
        .updateStateByKey((List<Integer> values, Optional<Integer> state) ->
            Optional.of(state.orElse(0) + values.size()), 2);
    Map<Long, Long> debugLines = new ConcurrentHashMap<>();
    Map<Long, Integer> depths = new ConcurrentHashMap<>();
    Map<Long, Integer> blocks = new ConcurrentHashMap<>();
    Map<Long, Map<String, Integer>> sampled = new ConcurrentHashMap<>();
    counts.foreachRDD((rdd, t) -> {
      debugLines.put(t.milliseconds(), rdd.toDebugString().lines().count());
      depths.put(t.milliseconds(), depth(rdd));
      List<Tuple2<String, Integer>> state = rdd.collect();
      if (t.milliseconds() % 100_000 == 0 || t.milliseconds() == 3_000) {
        sampled.put(t.milliseconds(), toMap(state));
      }
      blocks.put(t.milliseconds(), h.sc.blockManager().metrics().blocks());
    });
    h.runBatches(n);

    assertTrue(h.failures.isEmpty(), h.failures.toString());
    Map<String, Integer> expected = new HashMap<>();
    for (int k = 1; k <= n; k++) {
      batches.get(k - 1).forEach(w -> expected.merge(w, 1, Integer::sum));
      Map<String, Integer> seen = sampled.get(k * 1000L);
      if (seen != null) {
        assertEquals(expected, seen, "state after batch " + k);
      }
    }
    assertEquals(21, sampled.size());
    // from the third batch on, each state RDD reads the previous one's blocks, not its history
    long lines = debugLines.get(3_000L);
    int depth = depths.get(3_000L);
    for (long k = 3; k <= n; k++) {
      assertEquals(lines, debugLines.get(k * 1000), "toDebugString lines at batch " + k);
      assertEquals(depth, depths.get(k * 1000), "dependency depth at batch " + k);
    }
    assertTrue(depth <= 6, "depth " + depth);
    int maxBlocks = blocks.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    // this batch's and the previous batch's state, two partitions each
    assertTrue(maxBlocks <= 4, "at most " + maxBlocks + " cached blocks");
    assertEquals(1, counts.rememberedBatchTimes().size(), "only the newest state RDD is remembered");
  }

  @Test
  void theStateIsCutEvenWhenNoOutputComputesIt() {
    int n = 200;
    List<List<String>> batches = randomWords(n, 12);
    PairDStream<String, Integer> counts = h.input(batches)
        .mapToPair(w -> new Tuple2<>(w, 1))
        .updateStateByKey((List<Integer> values, Optional<Integer> state) ->
            Optional.of(state.orElse(0) + values.size()), 2);
    Map<Long, Integer> depths = new ConcurrentHashMap<>();
    // an output that looks at the RDD without running a job on it
    counts.foreachRDD((rdd, t) -> {
      depths.put(t.milliseconds(), depth(rdd));
    });
    h.runBatches(n);
    assertTrue(h.failures.isEmpty(), h.failures.toString());
    assertEquals(depths.get(3_000L), depths.get(n * 1000L));
    Map<String, Integer> expected = new HashMap<>();
    batches.forEach(b -> b.forEach(w -> expected.merge(w, 1, Integer::sum)));
    RDD<Tuple2<String, Integer>> last = counts.getOrCompute(new dev.eddy.streaming.Time(n * 1000L)).orElseThrow();
    assertEquals(expected, toMap(last.collect()));
  }

  /** Set once the poisoned word has failed a batch: it fails only the first time it is read. */
  private static final AtomicBoolean POISONED = new AtomicBoolean();

  @Test
  void aBatchWhoseJobFailedBeforeComputingTheStateLeavesItRecoverable() {
    int n = 12;
    List<List<String>> batches = new ArrayList<>(randomWords(n, 13));
    List<String> fifth = new ArrayList<>(batches.get(4));
    fifth.add("poison");
    batches.set(4, fifth);
    POISONED.set(false);
    PairDStream<String, Integer> counts = h.input(batches)
        .mapToPair(w -> {
          if (w.equals("poison") && POISONED.compareAndSet(false, true)) {
            throw new IllegalStateException("poisoned once");
          }
          return new Tuple2<>(w, 1);
        })
        .updateStateByKey((List<Integer> values, Optional<Integer> state) ->
            Optional.of(state.orElse(0) + values.size()), 2);
    Map<Long, Map<String, Integer>> out = new ConcurrentHashMap<>();
    counts.foreachRDD((rdd, t) -> out.put(t.milliseconds(), toMap(rdd.collect())));
    h.runBatches(n);
    // batch 5's output failed in the stage before the state's; later batches still read its state
    assertEquals(List.of(5_000L), new ArrayList<>(h.failures.keySet()));
    Map<String, Integer> expected = new HashMap<>();
    for (int k = 1; k <= n; k++) {
      batches.get(k - 1).forEach(w -> expected.merge(w, 1, Integer::sum));
      if (k != 5) {
        assertEquals(expected, out.get(k * 1000L), "state after batch " + k);
      }
    }
  }

  @Test
  void mapWithStateAndAnInverseWindowStayShortToo() {
    int n = 300;
    List<List<String>> batches = randomWords(n, 14);
    PairDStream<String, Integer> ones = h.input(batches).mapToPair(w -> new Tuple2<>(w, 1));
    MapWithStateDStream<String, Integer, Integer, Tuple2<String, Integer>> running = ones.mapWithState(
        StateSpec.function((String word, Optional<Integer> one, dev.eddy.streaming.State<Integer> state) -> {
          int sum = one.orElse(0) + state.getOption().orElse(0);
          state.update(sum);
          return new Tuple2<>(word, sum);
        }));
    PairDStream<String, Integer> snapshots = running.stateSnapshots();
    Duration window = Durations.seconds(4);
    Duration slide = Durations.seconds(2);
    PairDStream<String, Integer> windowed = ones.reduceByKeyAndWindow(
        Integer::sum, (a, b) -> a - b, window, slide, 2, kv -> kv._2() != 0);
    Map<Long, Integer> snapshotDepths = new ConcurrentHashMap<>();
    Map<Long, Integer> windowDepths = new ConcurrentHashMap<>();
    Map<Long, Map<String, Integer>> lastSnapshot = new ConcurrentHashMap<>();
    Map<Long, Map<String, Integer>> windows = new ConcurrentHashMap<>();
    snapshots.foreachRDD((rdd, t) -> {
      snapshotDepths.put(t.milliseconds(), depth(rdd));
      lastSnapshot.put(t.milliseconds(), toMap(rdd.collect()));
    });
    windowed.foreachRDD((rdd, t) -> {
      windowDepths.put(t.milliseconds(), depth(rdd));
      windows.put(t.milliseconds(), toMap(rdd.collect()));
    });
    Map<Long, Integer> blocks = new ConcurrentHashMap<>();
    ones.foreachRDD((rdd, t) -> blocks.put(t.milliseconds(), h.sc.blockManager().metrics().blocks()));
    h.runBatches(n);

    assertTrue(h.failures.isEmpty(), h.failures.toString());
    assertEquals(snapshotDepths.get(10_000L), snapshotDepths.get(n * 1000L));
    assertEquals(windowDepths.get(10_000L), windowDepths.get(n * 1000L));
    Map<String, Integer> total = new HashMap<>();
    batches.forEach(b -> b.forEach(w -> total.merge(w, 1, Integer::sum)));
    assertEquals(total, lastSnapshot.get(n * 1000L));
    Map<String, Integer> lastWindow = new HashMap<>();
    for (int k = n - 3; k <= n; k++) {
      batches.get(k - 1).forEach(w -> lastWindow.merge(w, 1, Integer::sum));
    }
    assertEquals(lastWindow, windows.get(n * 1000L));
    int late = blocks.get(100_000L);
    assertEquals(late, blocks.get(n * 1000L), "cached blocks stay the same from batch to batch");
  }

  @Test
  void withoutStateRddsAreNotCheckpointed() {
    DStream<Integer> doubled = h.input(List.of(List.of(1, 2), List.of(3))).map(x -> 2 * x);
    Map<Long, Boolean> marked = new ConcurrentHashMap<>();
    doubled.foreachRDD((rdd, t) -> marked.put(t.milliseconds(), rdd.isLocallyCheckpointed()));
    h.runBatches(2);
    assertEquals(Map.of(1000L, false, 2000L, false), marked);
    assertEquals(StorageLevel.NONE, doubled.storageLevel());
  }

  /** Returns the number of RDDs on the longest path from {@code rdd} to a source. */
  static int depth(RDD<?> rdd) {
    int max = 0;
    for (Dependency<?> dep : rdd.dependencies()) {
      max = Math.max(max, depth(dep.rdd()));
    }
    return max + 1;
  }

  private static List<List<String>> randomWords(int n, long seed) {
    List<String> vocabulary = List.of("river", "stone", "eddy", "flow", "bank", "reed", "delta", "weir");
    Random random = new Random(seed);
    List<List<String>> batches = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> batch = new ArrayList<>();
      int size = random.nextInt(8);
      for (int j = 0; j < size; j++) {
        batch.add(vocabulary.get(random.nextInt(vocabulary.size())));
      }
      batches.add(batch);
    }
    return batches;
  }
}
