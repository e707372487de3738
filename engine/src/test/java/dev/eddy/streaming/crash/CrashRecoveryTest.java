package dev.eddy.streaming.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.eddy.streaming.util.TextGenerator;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test: {@link WordCountCrashApp} runs in its own JVM on the wall clock and is
 * killed with SIGKILL at random moments, ten times, then restarted each time from its
 * checkpoints. At the end every batch from the first to the last has exactly one sink file, and
 * each holds the word counts computed directly from all the generator's batches up to it: no
 * batch lost, none counted twice.
 *
 * <p>The only test here on the wall clock: another JVM cannot share a ManualClock. It waits by
 * polling the sink directory (the child's progress), never for a fixed time before an assertion.
 */
class CrashRecoveryTest {
  private static final long BATCH_MS = 100;
  private static final int LINES = 20;
  private static final int KILLS = 10;
  private static final long PROGRESS_TIMEOUT_MS = 60_000;

  @TempDir Path dir;

  @Test
  void aStatefulWordCountSurvivesRepeatedKillsWithExactlyOnceResults() throws Exception {
    Path checkpoints = dir.resolve("checkpoints");
    Path sink = Files.createDirectories(dir.resolve("sink"));
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int kills = 0;
    int duringStartOrRecovery = 0;
    for (int run = 0; run <= KILLS; run++) {
      Path log = dir.resolve("run-" + run + ".log");
      Process p = launch(checkpoints, sink, log);
      long before = lastBatch(sink);
      if (run == KILLS) {
        // the last run goes on until it has run five batches of its own, then ends the same way
        awaitOrFail(p, log, () -> lastBatch(sink) >= before + 5 * BATCH_MS);
      } else if (run == 0 || random.nextBoolean()) {
        // after some progress (and, the first time, a checkpoint), at a random moment
        awaitOrFail(p, log, () -> lastBatch(sink) > before && CheckpointDirs.any(checkpoints));
        Thread.sleep(random.nextInt(800)); // a random moment to kill at, not a wait for a result
      } else {
        // at a random moment after launch: often while the JVM starts or the context recovers
        Thread.sleep(100 + random.nextInt(2500));
        if (lastBatch(sink) == before) {
          duringStartOrRecovery++;
        }
      }
      p.destroyForcibly();
      p.waitFor();
      if (run < KILLS) {
        kills++;
      }
    }

    TreeMap<Long, Map<String, Integer>> files = readSink(sink);
    long first = files.firstKey();
    long last = files.lastKey();
    assertEquals((last - first) / BATCH_MS + 1, files.size(), "one file per batch from " + first + " to " + last);
    Map<String, Integer> expected = new HashMap<>();
    long index = 0;
    for (Map.Entry<Long, Map<String, Integer>> e : files.entrySet()) {
      assertEquals(first + index * BATCH_MS, e.getKey());
      for (String line : TextGenerator.lines(WordCountCrashApp.SEED, index, LINES)) {
        for (String w : line.split(" ")) {
          expected.merge(w, 1, Integer::sum);
        }
      }
      assertEquals(expected, e.getValue(), "counts after batch " + e.getKey() + " (index " + index + "), seed " + seed);
      index++;
    }
    long records = index * LINES * TextGenerator.WORDS_PER_LINE;
    System.out.println("crash test: " + kills + " SIGKILLs at random moments survived (" + duringStartOrRecovery
        + " before the run's first new batch), " + index + " batches, " + records + " words counted exactly once (seed "
        + seed + ")");
    assertTrue(kills >= KILLS);
  }

  private Process launch(Path checkpoints, Path sink, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(java);
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens"))
        .forEach(command::add);
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(classPath);
    command.add(WordCountCrashApp.class.getName());
    command.addAll(List.of(checkpoints.toString(), sink.toString(), String.valueOf(BATCH_MS), String.valueOf(LINES)));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static void awaitOrFail(Process p, Path log, BooleanSupplier progressed) throws Exception {
    long deadline = System.currentTimeMillis() + PROGRESS_TIMEOUT_MS;
    while (!progressed.getAsBoolean()) {
      if (!p.isAlive() || System.currentTimeMillis() > deadline) {
        boolean exited = !p.isAlive();
        p.destroyForcibly();
        fail(log.getFileName() + " made no progress" + (exited ? " (exited " + p.exitValue() + ")" : "") + ":\n"
            + Files.readString(log));
      }
      Thread.sleep(20);
    }
  }

  private static long lastBatch(Path sink) {
    return readTimes(sink).stream().mapToLong(Long::longValue).max().orElse(-1);
  }

  private static List<Long> readTimes(Path sink) {
    try (Stream<Path> files = Files.list(sink)) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith("batch-") && n.endsWith(".txt"))
          .map(n -> Long.parseLong(n.substring("batch-".length(), n.length() - ".txt".length())))
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static TreeMap<Long, Map<String, Integer>> readSink(Path sink) throws IOException {
    TreeMap<Long, Map<String, Integer>> files = new TreeMap<>();
    for (long t : readTimes(sink)) {
      Map<String, Integer> counts = new HashMap<>();
      for (String line : Files.readAllLines(sink.resolve("batch-" + t + ".txt"))) {
        String[] parts = line.split(" ");
        counts.put(parts[0], Integer.parseInt(parts[1]));
      }
      files.put(t, counts);
    }
    return files;
  }

  /** Whether a checkpoint directory holds a complete checkpoint. */
  private static final class CheckpointDirs {
    static boolean any(Path checkpoints) {
      File[] entries = checkpoints.toFile().listFiles((d, n) -> n.matches("checkpoint-\\d+"));
      return entries != null && entries.length > 0;
    }
  }
}
