package dev.eddy.bench;

import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.HashPartitioner;
import dev.eddy.rdd.PairRDD;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Times RDD operations on {@code local[2]}: reading a text file, sorting by key, and a join with
 * both sides shuffled against the same join on inputs placed by one partitioner (whose join adds
 * no shuffle). Each operation
 * is warmed up, then timed five times; the medians print as a Markdown table.
 *
 * <p>{@code bench/run.sh rdd-ops [pairs]} (default one million pairs; the text file has as many lines).
 */
public final class RddOpsBenchmark {
  private static final int WARMUP_ROUNDS = 3;
  private static final int MEASURED_ROUNDS = 5;

  private RddOpsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    EddyContext sc = new EddyContext("local[2]", "rdd-ops-benchmark");
    Path file = Files.createTempFile("eddy-rdd-ops", ".txt");
    try {
      Random random = new Random(1);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < n; i++) {
        text.append("line ").append(i).append(' ').append("y".repeat(random.nextInt(80))).append('\n');
      }
      Files.writeString(file, text);
      double megabytes = Files.size(file) / 1e6;
      List<Tuple2<Integer, Integer>> pairs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        pairs.add(new Tuple2<>(random.nextInt(), i));
      }
      PairRDD<Integer, Integer> unsorted = sc.parallelizePairs(pairs, 4);
      List<Tuple2<Integer, Integer>> joinSide = new ArrayList<>(n / 5);
      for (int i = 0; i < n / 5; i++) {
        joinSide.add(new Tuple2<>(i % (n / 10), i));
      }
      PairRDD<Integer, Integer> left = sc.parallelizePairs(joinSide, 4);
      HashPartitioner byFour = new HashPartitioner(4);
      PairRDD<Integer, Integer> placed = left.partitionBy(byFour);

      System.out.println("| operation | median ms |");
      System.out.println("|---|---:|");
      double read = median(() -> sc.textFile(file.toString(), 4).count());
      row(String.format(Locale.ROOT, "textFile(%.0f MB, 4 splits).count() — %.0f MB/s", megabytes, megabytes / (read / 1000)), read);
      row("sortByKey(" + n + " pairs, 4 ranges).count()", median(() -> unsorted.sortByKey(true, 4).count()));
      row("left.join(left): " + n / 5 + " x " + n / 5 + " pairs, a shuffle per side", median(() -> left.join(left, byFour).count()));
      // nothing is cached, so the partitionBy shuffle runs in every job; the join itself adds none
      row("placed.join(placed), placed = left.partitionBy(..): one shuffle, narrow join",
          median(() -> placed.join(placed).count()));
    } finally {
      Files.deleteIfExists(file);
      sc.stop();
    }
  }

  private static void row(String operation, double ms) {
    System.out.printf(Locale.ROOT, "| %s | %.0f |%n", operation, ms);
  }

  private static double median(LongSupplier run) {
    for (int i = 0; i < WARMUP_ROUNDS; i++) {
      run.getAsLong();
    }
    double[] times = new double[MEASURED_ROUNDS];
    for (int i = 0; i < MEASURED_ROUNDS; i++) {
      long start = System.nanoTime();
      run.getAsLong();
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    return times[MEASURED_ROUNDS / 2];
  }
}
