package dev.eddy.streaming.dstream;

import static dev.eddy.streaming.dstream.TransformationsTest.toMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.Tuple2;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.MapWithStateDStream;
import dev.eddy.streaming.State;
import dev.eddy.streaming.StateSpec;
import dev.eddy.streaming.Time;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateOperationsTest {
  private final StreamHarness h = new StreamHarness("state-operations-test", 1000);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void updateStateByKeyKeepsRunningCountsAndRemovesKeysThatReturnEmpty() {
    List<List<String>> batches = randomWords(12, 7);
    PairDStream<String, Integer> ones = h.input(batches).mapToPair(w -> new Tuple2<>(w, 1));
    AtomicInteger calls = new AtomicInteger();
    Map<Long, Integer> callsPerBatch = new ConcurrentHashMap<>();
    PairDStream<String, Integer> counts = ones.updateStateByKey((List<Integer> values, Optional<Integer> state) -> {
      calls.incrementAndGet();
      int sum = state.orElse(0) + values.stream().mapToInt(x -> x).sum();
      return sum > 6 ? Optional.empty() : Optional.of(sum);
    }, 3);
    Map<Long, List<Tuple2<String, Integer>>> out = h.collect(counts);
    Map<Long, Integer> partitions = new ConcurrentHashMap<>();
    counts.foreachRDD((rdd, t) -> {
      partitions.put(t.milliseconds(), rdd.getNumPartitions());
      callsPerBatch.put(t.milliseconds(), calls.getAndSet(0));
    });
    h.runBatches(12);
    Map<String, Integer> expected = new HashMap<>();
    for (int k = 1; k <= 12; k++) {
      Set<String> called = new HashSet<>(expected.keySet());
      called.addAll(batches.get(k - 1));
      for (String w : called) {
        int sum = expected.getOrDefault(w, 0) + (int) batches.get(k - 1).stream().filter(w::equals).count();
        if (sum > 6) {
          expected.remove(w);
        } else {
          expected.put(w, sum);
        }
      }
      long t = k * 1000L;
      assertEquals(expected, toMap(out.get(t)), "state after batch " + k);
      assertEquals(called.size(), callsPerBatch.get(t), "every key with a state or values is called, batch " + k);
      assertEquals(3, partitions.get(t));
    }
    assertTrue(h.failures.isEmpty(), h.failures.toString());
  }

  @Test
  void updateStateByKeyStartsFromAnInitialRddAndIsCheckpointed(@TempDir Path dir) {
    h.ssc.checkpoint(dir.toString());
    List<List<String>> batches = randomWords(11, 8);
    PairDStream<String, Integer> ones = h.input(batches).mapToPair(w -> new Tuple2<>(w, 1));
    var initial = h.sc.parallelizePairs(List.of(new Tuple2<>("river", 100), new Tuple2<>("zebra", 7)), 2);
    PairDStream<String, Integer> counts = ones.updateStateByKey(
        (List<Integer> values, Optional<Integer> state) -> Optional.of(state.orElse(0) + values.size()),
        new dev.eddy.rdd.HashPartitioner(2), initial.rdd());
    Map<Long, List<Tuple2<String, Integer>>> out = h.collect(counts);
    Map<Long, Boolean> checkpointed = new ConcurrentHashMap<>();
    counts.foreachRDD((rdd, t) -> checkpointed.put(t.milliseconds(), rdd.isCheckpointed()));
    h.runBatches(11);
    Map<String, Integer> expected = new HashMap<>(Map.of("river", 100, "zebra", 7));
    for (int k = 1; k <= 11; k++) {
      batches.get(k - 1).forEach(w -> expected.merge(w, 1, Integer::sum));
      assertEquals(expected, toMap(out.get(k * 1000L)), "state after batch " + k);
    }
    assertEquals(true, checkpointed.get(10_000L));
    assertEquals(false, checkpointed.get(11_000L));
  }

  @Test
  void mapWithStateCallsTheFunctionOnlyForKeysInTheBatch() {
    List<List<String>> batches = randomWords(15, 9);
    PairDStream<String, Integer> ones = h.input(batches).mapToPair(w -> new Tuple2<>(w, 1));
    AtomicInteger calls = new AtomicInteger();
    StateSpec<String, Integer, Integer, Tuple2<String, Integer>> spec = StateSpec.function(
        (String word, Optional<Integer> one, State<Integer> state) -> {
          calls.incrementAndGet();
          int sum = one.orElse(0) + state.getOption().orElse(0);
          state.update(sum);
          return new Tuple2<>(word, sum);
        });
    MapWithStateDStream<String, Integer, Integer, Tuple2<String, Integer>> running = ones.mapWithState(spec.numPartitions(3));
    Map<Long, List<Tuple2<String, Integer>>> mapped = h.collect(running);
    Map<Long, List<Tuple2<String, Integer>>> snapshots = h.collect(running.stateSnapshots());
    Map<Long, Integer> callsPerBatch = new ConcurrentHashMap<>();
    running.foreachRDD((rdd, t) -> callsPerBatch.put(t.milliseconds(), calls.getAndSet(0)));
    h.runBatches(15);
    Map<String, Integer> totals = new HashMap<>();
    for (int k = 1; k <= 15; k++) {
      long t = k * 1000L;
      List<String> batch = batches.get(k - 1);
      Map<String, List<Integer>> expectedMapped = new HashMap<>();
      for (String w : batch) {
        int sum = totals.merge(w, 1, Integer::sum);
        expectedMapped.computeIfAbsent(w, x -> new ArrayList<>()).add(sum);
      }
      Map<String, List<Integer>> actualMapped = new HashMap<>();
      mapped.get(t).forEach(p -> actualMapped.computeIfAbsent(p._1(), x -> new ArrayList<>()).add(p._2()));
      // per key, records are seen in order, so the running sums grow one by one
      assertEquals(expectedMapped, actualMapped, "mapped at batch " + k);
      assertEquals(totals, toMap(snapshots.get(t)), "snapshot at batch " + k);
      assertEquals(batch.size(), callsPerBatch.get(t), "one call per record of batch " + k);
    }
    assertTrue(h.failures.isEmpty(), h.failures.toString());
  }

  @Test
  void idleKeysTimeOutOnceAndAreRemoved() {
    // a key times out at the first batch more than 2 s after its last value
    List<List<String>> batches = List.of(
        List.of("a", "b"), List.of("b"), List.of("b"), List.of(), List.of("a"), List.of(), List.of(), List.of());
    PairDStream<String, Integer> ones = h.input(batches).mapToPair(w -> new Tuple2<>(w, 1));
    StateSpec<String, Integer, Integer, String> spec = StateSpec.function(
        (Time time, String key, Optional<Integer> one, State<Integer> state) -> {
          if (state.isTimingOut()) {
            return Optional.of(key + " timed out at " + time.milliseconds() + " with " + state.get());
          }
          state.update(state.getOption().orElse(0) + one.get());
          return Optional.empty();
        });
    MapWithStateDStream<String, Integer, Integer, String> events = ones.mapWithState(spec.timeout(Durations.seconds(2)));
    Map<Long, List<String>> out = h.collect(events);
    Map<Long, List<Tuple2<String, Integer>>> snapshots = h.collect(events.stateSnapshots());
    h.runBatches(8);
    Map<Long, List<String>> expected = new HashMap<>();
    for (long t = 1000; t <= 8000; t += 1000) {
      expected.put(t, List.of());
    }
    expected.put(4000L, List.of("a timed out at 4000 with 1"));
    expected.put(6000L, List.of("b timed out at 6000 with 3"));
    expected.put(8000L, List.of("a timed out at 8000 with 1"));
    assertEquals(expected, out);
    assertEquals(Map.of("a", 1, "b", 2), toMap(snapshots.get(2000L)));
    assertEquals(Map.of("b", 3), toMap(snapshots.get(4000L)));
    assertEquals(Map.of("a", 1, "b", 3), toMap(snapshots.get(5000L)));
    assertEquals(Map.of("a", 1), toMap(snapshots.get(6000L)));
    assertEquals(Map.of(), toMap(snapshots.get(8000L)));
  }

  @Test
  void mapWithStateStartsFromTheInitialStateAndMayRemoveKeys() {
    List<List<String>> batches = List.of(List.of("a", "x"), List.of("x", "y"), List.of("a"));
    PairDStream<String, Integer> ones = h.input(batches).mapToPair(w -> new Tuple2<>(w, 1));
    var initial = h.sc.parallelizePairs(List.of(new Tuple2<>("a", 10), new Tuple2<>("z", 5)), 2);
    StateSpec<String, Integer, Integer, Boolean> spec = StateSpec.function(
        (String key, Optional<Integer> one, State<Integer> state) -> {
          boolean existed = state.exists();
          if (key.equals("x") && existed) {
            state.remove();
          } else {
            state.update(state.getOption().orElse(0) + one.get());
          }
          return existed;
        });
    MapWithStateDStream<String, Integer, Integer, Boolean> running =
        ones.mapWithState(spec.initialState(initial.rdd()).partitioner(new dev.eddy.rdd.HashPartitioner(4)));
    Map<Long, List<Boolean>> existed = h.collect(running);
    Map<Long, List<Tuple2<String, Integer>>> snapshots = h.collect(running.stateSnapshots());
    h.runBatches(3);
    assertEquals(Map.of("a", 11, "x", 1, "z", 5), toMap(snapshots.get(1000L)));
    assertEquals(Map.of("a", 11, "y", 1, "z", 5), toMap(snapshots.get(2000L)));
    assertEquals(Map.of("a", 12, "y", 1, "z", 5), toMap(snapshots.get(3000L)));
    assertEquals(List.of(false, true), existed.get(1000L).stream().sorted().toList());
    assertEquals(List.of(false, true), existed.get(2000L).stream().sorted().toList());
    assertEquals(List.of(true), existed.get(3000L));
  }

  @Test
  void aMappingFunctionThatBreaksTheStateRulesFailsItsBatch() {
    PairDStream<String, Integer> ones = h.input(List.of(List.of("a"), List.of("a"))).mapToPair(w -> new Tuple2<>(w, 1));
    StateSpec<String, Integer, Integer, Integer> spec = StateSpec.function(
        (String key, Optional<Integer> one, State<Integer> state) -> {
          if (state.exists()) {
            state.remove();
            state.update(1);
          }
          state.update(1);
          return 1;
        });
    h.collect(ones.mapWithState(spec));
    h.runBatches(2);
    assertTrue(!h.failures.containsKey(1000L), h.failures.toString());
    assertTrue(h.failures.get(2000L).contains("Cannot update the state after it has been removed"), h.failures.toString());
  }

  @Test
  void anUpdateFunctionThatThrowsFailsItsBatchAndLaterBatchesRun() {
    List<List<String>> batches = List.of(List.of("a"), List.of("boom"), List.of("a"));
    PairDStream<String, Integer> ones = h.input(batches).mapToPair(w -> new Tuple2<>(w, 1));
    PairDStream<String, Integer> counts = ones.updateStateByKey((List<Integer> values, Optional<Integer> state) -> {
      if (values.size() == 1 && state.isEmpty() && h.clock.getTimeMillis() == 2000) {
        throw new IllegalStateException("no new keys in batch two");
      }
      return Optional.of(state.orElse(0) + values.size());
    });
    Map<Long, List<Tuple2<String, Integer>>> out = h.collect(counts);
    h.runBatches(2);
    assertEquals(Map.of("a", 1), toMap(out.get(1000L)));
    assertTrue(h.failures.get(2000L).contains("no new keys in batch two"), h.failures.toString());
    assertTrue(h.sc.parallelize(List.of(1, 2)).count() == 2, "the engine still runs jobs");
  }

  private static List<List<String>> randomWords(int n, long seed) {
    List<String> vocabulary = List.of("river", "stone", "eddy", "flow", "bank", "reed");
    Random random = new Random(seed);
    List<List<String>> batches = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> batch = new ArrayList<>();
      int size = random.nextInt(6);
      for (int j = 0; j < size; j++) {
        batch.add(vocabulary.get(random.nextInt(vocabulary.size())));
      }
      batches.add(batch);
    }
    return batches;
  }
}
