package dev.eddy.bench;

import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.scheduler.BatchCompleted;
import dev.eddy.streaming.scheduler.BatchInfo;
import dev.eddy.streaming.scheduler.StreamingListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the notebook's DStream word count on {@code local[2]} with a 1 s batch interval at fixed
 * input rates, in real time, and compares it with a plain two-thread Java loop doing the same
 * counting in the same process.
 *
 * <p>Input: the RDD word-count benchmark's lines (10 words from a 10,000-word vocabulary, fixed
 * seed). A queue stream takes one prepared RDD per batch, so a batch of {@code r} lines is an
 * input rate of {@code r} lines/s. Three phases:
 *
 * <ol>
 *   <li>Latency: 200,000 lines/s for {@code latencyBatches} batches (default 60); median and p99
 *       processing time, and the process's peak RSS (VmHWM) at the end of this phase, before the
 *       larger inputs of the next phases are generated.
 *   <li>Plain loop: the same counting by hand on two threads over 2M lines (median of 5 after 3
 *       warm-ups), as lines per second.
 *   <li>Ramp: rising rates, {@code rampBatches} batches each (default 8, the first 2 are warm-up);
 *       a rate is sustained when every measured batch's processing time is below the interval.
 *       The ramp stops at the first rate that is not sustained.
 * </ol>
 *
 * <p>Every batch's counts are checked (total words = 10 x lines). {@code bench/run.sh streaming
 * [latencyBatches] [rampBatches]}; the JVM flags are the kernel's unless {@code EDDY_BENCH_JIT=c2}.
 */
public final class StreamingBenchmark {
  private static final int BATCH_MS = 1000;
  private static final int LATENCY_RATE = 200_000;
  private static final int POOL_LINES = 2_000_000;
  private static final int[] RAMP_RATES = {
    500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000, 3_500_000, 4_000_000, 5_000_000, 6_000_000
  };
  private static final int RAMP_WARMUP = 2;

  private StreamingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int latencyBatches = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int rampBatches = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    EddyContext sc = new EddyContext("local[2]", "streaming-bench");
    try {
      System.out.printf(Locale.ROOT, "%s %s, %d cores, JVM flags: %s%n%n", System.getProperty("java.vm.name"),
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
          ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
              .filter(a -> a.startsWith("-X")).toList());

      List<String> small = WordCountBenchmark.generate(LATENCY_RATE);
      List<Long> latency = run(sc, small, LATENCY_RATE, latencyBatches);
      long rssKb = peakRssKb();
      long[] sorted = latency.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "Latency at %,d lines/s, %d batches of %d ms: median %d ms, p99 %d ms, max %d ms;"
              + " peak RSS %,d MB%n%n", LATENCY_RATE, sorted.length, BATCH_MS, percentile(sorted, 50),
          percentile(sorted, 99), sorted[sorted.length - 1], rssKb / 1024);

      List<String> pool = WordCountBenchmark.generate(POOL_LINES);
      double plainLinesPerSecond = plainLoopLinesPerSecond(pool);
      System.out.printf(Locale.ROOT, "Plain Java loop, 2 threads, HashMap: %,.0f lines/s%n%n", plainLinesPerSecond);

      System.out.println("| input lines/s | median processing ms | max processing ms | sustained |");
      System.out.println("|---:|---:|---:|---|");
      int best = 0;
      for (int rate : RAMP_RATES) {
        List<Long> times = run(sc, pool, rate, rampBatches);
        List<Long> measured = times.subList(Math.min(RAMP_WARMUP, times.size() - 1), times.size());
        long[] m = measured.stream().mapToLong(Long::longValue).sorted().toArray();
        boolean sustained = m[m.length - 1] < BATCH_MS;
        System.out.printf(Locale.ROOT, "| %,d | %d | %d | %s |%n", rate, percentile(m, 50), m[m.length - 1],
            sustained ? "yes" : "no");
        if (!sustained) {
          break;
        }
        best = rate;
      }
      System.out.printf(Locale.ROOT, "%nHighest sustained rate: %,d lines/s = %.0f%% of the plain loop's %,.0f lines/s%n",
          best, 100.0 * best / plainLinesPerSecond, plainLinesPerSecond);
    } finally {
      sc.stop();
    }
  }

  /**
   * Runs the word count for {@code batches} batches of {@code rate} lines taken round-robin from
   * {@code pool}, in real time, and returns each batch's processing time in batch order.
   */
  private static List<Long> run(EddyContext sc, List<String> pool, int rate, int batches) {
    Queue<RDD<String>> queue = new ConcurrentLinkedQueue<>();
    int offset = 0;
    for (int b = 0; b < batches; b++) {
      List<String> lines = new ArrayList<>(rate);
      while (lines.size() < rate) {
        int n = Math.min(rate - lines.size(), pool.size() - offset);
        lines.addAll(pool.subList(offset, offset + n));
        offset = (offset + n) % pool.size();
      }
      queue.add(sc.parallelize(lines, 2));
    }
    List<Long> processing = new CopyOnWriteArrayList<>();
    List<String> errors = new CopyOnWriteArrayList<>();
    StreamingContext ssc = new StreamingContext(sc, Durations.milliseconds(BATCH_MS));
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchCompleted event) {
        BatchInfo info = event.batchInfo();
        info.failureReason().ifPresent(errors::add);
        processing.add(info.processingDelay().orElseThrow());
      }
    });
    ssc.queueStream(queue)
        .flatMap(l -> Arrays.asList(l.split(" ")).iterator())
        .mapToPair(w -> new Tuple2<>(w, 1))
        .reduceByKey(Integer::sum)
        .foreachRDD(rdd -> check(PairRDD.fromRDD(rdd).collectAsMap(), rate, queue));
    ssc.start();
    try {
      ssc.awaitBatches(batches);
    } finally {
      // gracefully: batches cut while the measured ones ran are empty and finish quickly
      ssc.stop(false, true);
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException("a batch failed: " + errors.get(0));
    }
    return new ArrayList<>(processing.subList(0, batches));
  }

  /** Checks a batch's counts; a batch cut after the queue ran dry (a late run) is empty. */
  private static void check(Map<String, Integer> counts, int lines, Queue<?> queue) {
    long words = counts.values().stream().mapToLong(Integer::longValue).sum();
    if (words != 10L * lines && !(words == 0 && queue.isEmpty())) {
      throw new IllegalStateException("counted " + words + " words in " + lines + " lines");
    }
  }

  private static double plainLoopLinesPerSecond(List<String> lines) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      long[] ns = new long[5];
      for (int r = -3; r < ns.length; r++) {
        long t0 = System.nanoTime();
        WordCountBenchmark.plainLoop(lines, threads);
        if (r >= 0) {
          ns[r] = System.nanoTime() - t0;
        }
      }
      Arrays.sort(ns);
      return lines.size() / (ns[ns.length / 2] / 1e9);
    } finally {
      threads.shutdownNow();
    }
  }

  private static long percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** Returns the process's peak resident set size in KB, from /proc; -1 where there is none. */
  private static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
