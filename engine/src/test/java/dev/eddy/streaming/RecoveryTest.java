package dev.eddy.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import dev.eddy.streaming.checkpoint.Checkpoint;
import dev.eddy.streaming.checkpoint.CheckpointReader;
import dev.eddy.streaming.checkpoint.IncompatibleGraphException;
import dev.eddy.streaming.dstream.PairDStream;
import dev.eddy.streaming.scheduler.BatchSubmitted;
import dev.eddy.streaming.scheduler.CheckpointWritten;
import dev.eddy.streaming.scheduler.Recovery;
import dev.eddy.streaming.scheduler.StreamingListener;
import dev.eddy.streaming.util.TextGenerator;
import dev.eddy.util.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery from streaming checkpoints: a context "crashes" (stops at once and is abandoned, with
 * its EddyContext), and a new EddyContext with {@code getOrCreate} on the same directory goes on.
 * Expectations are word counts computed directly from {@link TextGenerator}'s lines.
 */
class RecoveryTest {
  private static final long SEED = 42L;
  private static final int LINES = 4;
  private static final Function2<List<Integer>, Optional<Integer>, Optional<Integer>> SUM =
      (values, state) -> Optional.of(state.orElse(0) + values.stream().mapToInt(Integer::intValue).sum());

  @TempDir Path dir;
  private final List<EddyContext> contexts = new ArrayList<>();

  @AfterEach
  void stopAll() {
    contexts.forEach(EddyContext::stop);
  }

  private EddyContext newEddyContext(Map<String, String> settings) {
    EddyConf conf = new EddyConf().setMaster("local[2]").setAppName("recovery-test");
    settings.forEach(conf::set);
    EddyContext sc = new EddyContext(conf);
    contexts.add(sc);
    return sc;
  }

  /** Word counts of the batches with the given indexes, computed directly from the generator. */
  private static Map<String, Integer> counts(long... batchIndexes) {
    Map<String, Integer> counts = new HashMap<>();
    for (long index : batchIndexes) {
      for (String line : TextGenerator.lines(SEED, index, LINES)) {
        for (String w : line.split(" ")) {
          counts.merge(w, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private static long[] range(long fromIndex, long toIndex) {
    return java.util.stream.LongStream.rangeClosed(fromIndex, toIndex).toArray();
  }

  private static <K, V> Map<K, V> toMap(List<Tuple2<K, V>> pairs) {
    Map<K, V> m = new HashMap<>();
    pairs.forEach(p -> m.put(p._1(), p._2()));
    return m;
  }

  /** The input batch times each context computed, to show a recovery computes none twice. */
  private final Map<StreamingContext, Set<Long>> computed = new ConcurrentHashMap<>();

  private PairDStream<String, Integer> words(StreamingContext ssc) {
    Set<Long> times = computed.computeIfAbsent(ssc, s -> ConcurrentHashMap.newKeySet());
    return ssc.textGeneratorStream(LINES, SEED)
        .transform((rdd, t) -> {
          times.add(t.milliseconds());
          return rdd;
        })
        .flatMap(l -> Arrays.asList(l.split(" ")).iterator())
        .mapToPair(w -> new Tuple2<>(w, 1));
  }

  /** A stateful word count (updateStateByKey with {@code update}) recording each batch's state by time. */
  private StreamingContext updateStateCount(
      EddyContext sc, ManualClock clock, Map<Long, Map<String, Integer>> out,
      Function2<List<Integer>, Optional<Integer>, Optional<Integer>> update) {
    StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);
    ssc.checkpoint(dir.toString());
    words(ssc).updateStateByKey(update).checkpoint(Durations.seconds(1))
        .foreachRDD((rdd, t) -> {
          out.put(t.milliseconds(), toMap(rdd.collect()));
        });
    return ssc;
  }

  @Test
  void updateStateByKeyRecoversAfterACrashAndRunsTheMissedBatchesOnce() {
    Map<Long, Map<String, Integer>> first = new ConcurrentHashMap<>();
    EddyContext sc1 = newEddyContext(Map.of());
    ManualClock clock1 = new ManualClock();
    StreamingContext ssc1 = StreamingContext.getOrCreate(dir.toString(), () -> updateStateCount(sc1, clock1, first, SUM));
    assertEquals(Optional.empty(), ssc1.recoveringFrom());
    ssc1.start();
    ssc1.runBatches(5);
    ssc1.stop(); // at once, not gracefully: the crash
    sc1.stop();
    assertEquals(counts(range(0, 4)), first.get(5000L));

    Map<Long, Map<String, Integer>> second = new ConcurrentHashMap<>();
    EddyContext sc2 = newEddyContext(Map.of());
    ManualClock clock2 = new ManualClock(7500); // down for 2.5 s: batches 6 s and 7 s were missed
    StreamingContext ssc2 = StreamingContext.getOrCreate(dir.toString(), () -> updateStateCount(sc2, clock2, second, SUM));
    assertEquals(Optional.of(new Time(5000)), ssc2.recoveringFrom());
    ssc2.start();
    ssc2.awaitBatches(2);
    ssc2.runBatches(3);
    ssc2.stop();

    assertEquals(List.of(6000L, 7000L, 8000L, 9000L, 10000L), second.keySet().stream().sorted().toList(),
        "the recovered context ran each batch after the checkpoint once");
    assertEquals(List.of(6000L, 7000L, 8000L, 9000L, 10000L), computed.get(ssc2).stream().sorted().toList(),
        "the state came from the checkpoint: no batch before it was read again");
    for (long k = 6; k <= 10; k++) {
      assertEquals(counts(range(0, k - 1)), second.get(k * 1000), "state after batch " + k);
    }
  }

  @Test
  void aDamagedNewestCheckpointFallsBackToThePreviousOneAndItsBatchRunsAgain() throws IOException {
    EddyContext sc1 = newEddyContext(Map.of());
    ManualClock clock1 = new ManualClock();
    StreamingContext ssc1 =
        StreamingContext.getOrCreate(dir.toString(), () -> updateStateCount(sc1, clock1, new ConcurrentHashMap<>(), SUM));
    ssc1.start();
    ssc1.runBatches(4);
    ssc1.stop();
    Path newest = dir.resolve("checkpoint-4000");
    try (Stream<Path> files = Files.list(newest)) {
      Path blob = files.filter(p -> p.getFileName().toString().startsWith("blob-")).findFirst().orElseThrow();
      byte[] bytes = Files.readAllBytes(blob);
      bytes[bytes.length / 2] ^= 0x5A;
      Files.write(blob, bytes);
    }
    Files.delete(dir.resolve("checkpoint-3000").resolve("metadata.json"));

    Map<Long, Map<String, Integer>> second = new ConcurrentHashMap<>();
    EddyContext sc2 = newEddyContext(Map.of());
    ManualClock clock2 = new ManualClock(4000);
    String err = StreamingTestSupport.capture(true, () -> {
      StreamingContext ssc2 = StreamingContext.getOrCreate(dir.toString(), () -> updateStateCount(sc2, clock2, second, SUM));
      assertEquals(Optional.of(new Time(2000)), ssc2.recoveringFrom());
      ssc2.start();
      ssc2.awaitBatches(2);
      ssc2.step();
      ssc2.stop();
    });
    assertTrue(err.contains("checkpoint-4000") && err.contains("checkpoint-3000"), err);
    assertEquals(List.of(3000L, 4000L, 5000L), second.keySet().stream().sorted().toList());
    for (long k = 3; k <= 5; k++) {
      assertEquals(counts(range(0, k - 1)), second.get(k * 1000), "state after batch " + k);
    }
  }

  @Test
  void mapWithStateRecoversItsStateAndTimesOfLastUpdate() {
    Map<Long, Map<String, Integer>> first = new ConcurrentHashMap<>();
    EddyContext sc1 = newEddyContext(Map.of());
    ManualClock clock1 = new ManualClock();
    StreamingContext ssc1 = StreamingContext.getOrCreate(dir.toString(), () -> mapWithStateCount(sc1, clock1, first));
    ssc1.start();
    ssc1.runBatches(3);
    ssc1.stop();
    sc1.stop();

    Map<Long, Map<String, Integer>> second = new ConcurrentHashMap<>();
    EddyContext sc2 = newEddyContext(Map.of());
    ManualClock clock2 = new ManualClock(5000);
    StreamingContext ssc2 = StreamingContext.getOrCreate(dir.toString(), () -> mapWithStateCount(sc2, clock2, second));
    ssc2.start();
    ssc2.awaitBatches(2);
    ssc2.runBatches(2); // after the recovered 4 s and 5 s
    ssc2.stop();
    assertEquals(List.of(4000L, 5000L, 6000L, 7000L), second.keySet().stream().sorted().toList());
    assertEquals(List.of(4000L, 5000L, 6000L, 7000L), computed.get(ssc2).stream().sorted().toList());
    for (long k = 4; k <= 7; k++) {
      assertEquals(counts(range(0, k - 1)), second.get(k * 1000), "state after batch " + k);
    }
  }

  private StreamingContext mapWithStateCount(EddyContext sc, ManualClock clock, Map<Long, Map<String, Integer>> out) {
    StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);
    ssc.checkpoint(dir.toString());
    StateSpec<String, Integer, Integer, Tuple2<String, Integer>> spec =
        StateSpec.function((String w, Optional<Integer> one, State<Integer> state) -> {
          int n = state.exists() ? state.get() + one.orElse(0) : one.orElse(0);
          state.update(n);
          return new Tuple2<>(w, n);
        });
    MapWithStateDStream<String, Integer, Integer, Tuple2<String, Integer>> mapped =
        words(ssc).mapWithState(spec.numPartitions(3)).checkpoint(Durations.seconds(1));
    mapped.stateSnapshots().foreachRDD((rdd, t) -> {
      out.put(t.milliseconds(), toMap(rdd.collect()));
    });
    return ssc;
  }

  @Test
  void aChangedFunctionBodyRecoversTheStateAndRunsTheNewCode() {
    EddyContext sc1 = newEddyContext(Map.of());
    ManualClock clock1 = new ManualClock();
    StreamingContext ssc1 =
        StreamingContext.getOrCreate(dir.toString(), () -> updateStateCount(sc1, clock1, new ConcurrentHashMap<>(), SUM));
    ssc1.start();
    ssc1.runBatches(3);
    ssc1.stop();

    // the cell was edited: new words now count ten each
    Function2<List<Integer>, Optional<Integer>, Optional<Integer>> tenEach =
        (values, state) -> Optional.of(state.orElse(0) + 10 * values.size());
    Map<Long, Map<String, Integer>> second = new ConcurrentHashMap<>();
    EddyContext sc2 = newEddyContext(Map.of());
    ManualClock clock2 = new ManualClock(3000);
    StreamingContext ssc2 = StreamingContext.getOrCreate(dir.toString(), () -> updateStateCount(sc2, clock2, second, tenEach));
    ssc2.start();
    ssc2.runBatches(2);
    ssc2.stop();
    Map<String, Integer> expected = counts(range(0, 2));
    counts(3, 4).forEach((w, n) -> expected.merge(w, 10 * n, Integer::sum));
    assertEquals(expected, second.get(5000L));
  }

  @Test
  void aChangedGraphShapeIsAClearErrorNamingTheDifference() {
    EddyContext sc1 = newEddyContext(Map.of());
    StreamingContext ssc1 = StreamingContext.getOrCreate(
        dir.toString(), () -> updateStateCount(sc1, new ManualClock(), new ConcurrentHashMap<>(), SUM));
    ssc1.start();
    ssc1.step();
    ssc1.stop();

    EddyContext sc2 = newEddyContext(Map.of());
    IncompatibleGraphException e = assertThrows(IncompatibleGraphException.class,
        () -> StreamingContext.getOrCreate(dir.toString(), () -> {
          StreamingContext ssc = new StreamingContext(sc2, Durations.seconds(1), new ManualClock());
          ssc.checkpoint(dir.toString());
          words(ssc).filter(kv -> kv._1().length() > 2).updateStateByKey(SUM).print();
          return ssc;
        }));
    assertTrue(e.getMessage().contains("FilteredDStream"), e.getMessage());
    assertTrue(e.getMessage().contains("output 0"), e.getMessage());
  }

  @Test
  void pendingBatchesOfTheCheckpointRunAgainEvenWhenTheClockIsBehindThem() throws Exception {
    CountDownLatch releaseThird = new CountDownLatch(1);
    CountDownLatch submitted = new CountDownLatch(2);
    CountDownLatch checkpointOfThird = new CountDownLatch(1);
    EddyContext sc1 = newEddyContext(Map.of());
    ManualClock clock1 = new ManualClock();
    StreamingContext ssc1 = StreamingContext.getOrCreate(dir.toString(), () -> {
      StreamingContext ssc = updateStateCount(sc1, clock1, new ConcurrentHashMap<>(), SUM);
      ssc.textGeneratorStream(1).foreachRDD((rdd, t) -> {
        if (t.milliseconds() == 3000) {
          releaseThird.await();
        } else if (t.milliseconds() == 4000) {
          new CountDownLatch(1).await(); // blocks until the crash interrupts it
        }
      });
      return ssc;
    });
    ssc1.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchSubmitted(BatchSubmitted event) {
        if (event.batchInfo().batchTime().milliseconds() > 3000) {
          submitted.countDown();
        }
      }

      @Override
      public void onCheckpointWritten(CheckpointWritten event) {
        if (event.checkpointTime().milliseconds() == 3000) {
          checkpointOfThird.countDown();
        }
      }
    });
    ssc1.start();
    ssc1.runBatches(2);
    clock1.setTime(5000); // cuts 3 s, 4 s and 5 s; 3 s blocks, so 4 s and 5 s wait
    submitted.await();
    releaseThird.countDown();
    checkpointOfThird.await();
    ssc1.stop(); // interrupts 4 s, which writes no checkpoint

    Checkpoint latest = CheckpointReader.latest(dir, sc1.serializer()).orElseThrow();
    assertEquals(new Time(3000), latest.checkpointTime());
    assertEquals(List.of(new Time(4000), new Time(5000)), latest.pendingTimes());

    Map<Long, Map<String, Integer>> second = new ConcurrentHashMap<>();
    EddyContext sc2 = newEddyContext(Map.of());
    StreamingContext ssc2 = StreamingContext.getOrCreate(dir.toString(), () -> {
      StreamingContext ssc = updateStateCount(sc2, new ManualClock(1500), second, SUM);
      ssc.textGeneratorStream(1).foreachRDD(rdd -> {});
      return ssc;
    });
    ssc2.start();
    ssc2.awaitBatches(2);
    ssc2.stop();
    assertEquals(List.of(4000L, 5000L), second.keySet().stream().sorted().toList());
    assertEquals(counts(range(0, 4)), second.get(5000L));
  }

  @Test
  void missedBatchesBeyondTheCapSkipTheOldestAsIfEmpty() {
    EddyContext sc1 = newEddyContext(Map.of());
    StreamingContext ssc1 = StreamingContext.getOrCreate(
        dir.toString(), () -> updateStateCount(sc1, new ManualClock(), new ConcurrentHashMap<>(), SUM));
    ssc1.start();
    ssc1.runBatches(2);
    ssc1.stop();

    Map<Long, Map<String, Integer>> second = new ConcurrentHashMap<>();
    EddyContext sc2 = newEddyContext(Map.of(Recovery.MAX_MISSED_BATCHES, "3"));
    String err = StreamingTestSupport.capture(true, () -> {
      StreamingContext ssc2 = StreamingContext.getOrCreate(
          dir.toString(), () -> updateStateCount(sc2, new ManualClock(10_000), second, SUM));
      ssc2.start();
      ssc2.awaitBatches(3);
      ssc2.step();
      ssc2.stop();
    });
    assertEquals(1, err.lines().filter(l -> l.contains("skipping the 5 oldest of 8 batches")).count(), err);
    assertEquals(List.of(8000L, 9000L, 10000L, 11000L), second.keySet().stream().sorted().toList());
    assertEquals(counts(0, 1, 7, 8, 9, 10), second.get(11000L), "batches 3 s to 7 s are skipped as empty");
  }

  @Test
  void anInverseWindowRecoversItsPreviousWindow() {
    Map<Long, Map<String, Integer>> first = new ConcurrentHashMap<>();
    EddyContext sc1 = newEddyContext(Map.of());
    StreamingContext ssc1 =
        StreamingContext.getOrCreate(dir.toString(), () -> windowCount(sc1, new ManualClock(), first));
    ssc1.start();
    ssc1.runBatches(5);
    ssc1.stop();

    Map<Long, Map<String, Integer>> second = new ConcurrentHashMap<>();
    EddyContext sc2 = newEddyContext(Map.of());
    StreamingContext ssc2 =
        StreamingContext.getOrCreate(dir.toString(), () -> windowCount(sc2, new ManualClock(6000), second));
    ssc2.start();
    ssc2.awaitBatches(1);
    ssc2.runBatches(2);
    ssc2.stop();
    assertEquals(List.of(6000L, 7000L, 8000L), second.keySet().stream().sorted().toList());
    assertEquals(List.of(3000L, 4000L, 5000L, 6000L, 7000L, 8000L), computed.get(ssc2).stream().sorted().toList(),
        "only the batches that leave the window are read again, not the whole history");
    for (long k = 6; k <= 8; k++) {
      assertEquals(counts(range(k - 3, k - 1)), second.get(k * 1000), "window ending at batch " + k);
    }
  }

  private StreamingContext windowCount(EddyContext sc, ManualClock clock, Map<Long, Map<String, Integer>> out) {
    StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);
    ssc.checkpoint(dir.toString());
    words(ssc).reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, Durations.seconds(3), Durations.seconds(1), 2,
            kv -> kv._2() != 0)
        .checkpoint(Durations.seconds(1))
        .foreachRDD((rdd, t) -> {
          out.put(t.milliseconds(), toMap(rdd.collect()));
        });
    return ssc;
  }

  @Test
  void aFailedCheckpointWriteIsReportedAndTheStreamGoesOn() throws IOException {
    List<CheckpointWritten> written = new CopyOnWriteArrayList<>();
    Map<Long, Map<String, Integer>> out = new ConcurrentHashMap<>();
    EddyContext sc = newEddyContext(Map.of());
    StreamingContext ssc = StreamingContext.getOrCreate(dir.toString(), () -> updateStateCount(sc, new ManualClock(), out, SUM));
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onCheckpointWritten(CheckpointWritten event) {
        written.add(event);
      }
    });
    ssc.start();
    ssc.step();
    Path aside = dir.resolveSibling(dir.getFileName() + "-aside");
    Files.move(dir, aside);
    Files.writeString(dir, "not a directory");
    String err = StreamingTestSupport.capture(true, ssc::step);
    Files.delete(dir);
    Files.move(aside, dir);
    ssc.step();
    ssc.stop();
    assertEquals(3, written.size(), written.toString());
    assertTrue(written.get(0).succeeded() && written.get(2).succeeded());
    assertFalse(written.get(1).succeeded());
    assertTrue(written.get(1).failureReason().orElseThrow().contains("checkpoint of 2000 ms"), written.toString());
    assertTrue(err.contains("writing the checkpoint of 2000 ms failed"), err);
    assertTrue(ssc.lastCompletedBatch().orElseThrow().succeeded());
    assertEquals(counts(range(0, 2)), out.get(3000L));
  }

  @Test
  void withoutACheckpointTheFactorysContextIsReturnedAndStateCheckpointsEveryTenSeconds() {
    EddyContext sc = newEddyContext(Map.of());
    StreamingContext[] made = new StreamingContext[1];
    StreamingContext ssc = StreamingContext.getOrCreate(dir.toString(), () -> {
      made[0] = new StreamingContext(sc, Durations.seconds(1), new ManualClock());
      words(made[0]).updateStateByKey(SUM).print();
      return made[0];
    });
    assertSame(made[0], ssc);
    assertEquals(Optional.of(dir.toAbsolutePath().normalize()), ssc.checkpointDirectory(), "getOrCreate sets it");
    StreamingTestSupport.capture(false, () -> {
      ssc.start();
      ssc.runBatches(12);
    });
    EddyContext other = newEddyContext(Map.of());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> StreamingContext.getOrCreate(dir.toString(), () -> {
          StreamingContext s = new StreamingContext(other, Durations.seconds(1), new ManualClock());
          words(s).print();
          return s;
        }));
    assertTrue(e.getMessage().contains("stop it first"), e.getMessage());
    ssc.stop();
    assertEquals(List.of(dir.resolve("checkpoint-10000")), CheckpointReader.checkpoints(dir));
  }

  @Test
  void aFileStreamReadsTheFilesThatArrivedWhileDownAndNoFileTwice() throws IOException {
    Path input = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-input"));
    Map<Long, Map<String, Integer>> first = new ConcurrentHashMap<>();
    EddyContext sc1 = newEddyContext(Map.of());
    StreamingContext ssc1 =
        StreamingContext.getOrCreate(dir.toString(), () -> fileWordCount(sc1, new ManualClock(), input, first));
    ssc1.start();
    newFile(input, "a.txt", "river oil river", 500);
    ssc1.step();
    newFile(input, "b.txt", "oil water", 1500);
    ssc1.step();
    ssc1.stop();
    assertEquals(Map.of("river", 2, "oil", 2, "water", 1), first.get(2000L));

    newFile(input, "c.txt", "river day", 2500); // while down
    newFile(input, "d.txt", "day", 3500);
    Map<Long, Map<String, Integer>> second = new ConcurrentHashMap<>();
    EddyContext sc2 = newEddyContext(Map.of());
    StreamingContext ssc2 =
        StreamingContext.getOrCreate(dir.toString(), () -> fileWordCount(sc2, new ManualClock(4000), input, second));
    ssc2.start();
    ssc2.awaitBatches(2);
    ssc2.stop();
    assertEquals(Map.of("river", 3, "oil", 2, "water", 1, "day", 1), second.get(3000L), second.toString());
    assertEquals(Map.of("river", 3, "oil", 2, "water", 1, "day", 2), second.get(4000L));
  }

  private StreamingContext fileWordCount(
      EddyContext sc, ManualClock clock, Path input, Map<Long, Map<String, Integer>> out) {
    StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);
    ssc.checkpoint(dir.toString());
    ssc.textFileStream(input.toString())
        .flatMap(l -> Arrays.asList(l.split(" ")).iterator())
        .mapToPair(w -> new Tuple2<>(w, 1))
        .updateStateByKey(SUM).checkpoint(Durations.seconds(1))
        .foreachRDD((rdd, t) -> {
          out.put(t.milliseconds(), toMap(rdd.collect()));
        });
    return ssc;
  }

  /** Writes a file elsewhere and moves it into {@code input}, modified at {@code millis} on the manual clock's scale. */
  private static void newFile(Path input, String name, String text, long millis) throws IOException {
    Path tmp = input.resolve("_" + name);
    Files.writeString(tmp, text + "\n");
    Files.setLastModifiedTime(tmp, java.nio.file.attribute.FileTime.fromMillis(millis));
    Files.move(tmp, input.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
