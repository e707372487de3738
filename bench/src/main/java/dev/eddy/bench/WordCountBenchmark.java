package dev.eddy.bench;

import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.RDD;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compares a word count run as an RDD job on {@code local[2]} with the same computation written
 * as a plain two-thread Java loop over HashMaps (split, count per thread, merge). The input is
 * generated once into memory with a fixed seed: lines of 10 words drawn uniformly from a
 * 10,000-word vocabulary. Each variant warms up, then runs five measured rounds; the medians are
 * printed as a Markdown table with input lines per second and the ratio to the plain loop.
 *
 * <p>{@code bench/run.sh wordcount [lines]} (default 2,000,000 lines).
 */
public final class WordCountBenchmark {
  private static final int WARMUP_ROUNDS = 3;
  private static final int MEASURED_ROUNDS = 5;
  private static final int WORDS_PER_LINE = 10;
  private static final int VOCABULARY = 10_000;
  private static final long SEED = 42;

  private record Result(String variant, double medianMs) {}

  private WordCountBenchmark() {}

  public static void main(String[] args) throws Exception {
    int numLines = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    List<String> lines = generate(numLines);
    EddyContext sc = new EddyContext("local[2]", "wordcount-bench");
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Map<String, Integer> expected = plainLoop(lines, threads);
      check("plain loop", expected, numLines);
      check("RDD job", rddJob(sc, lines), numLines);
      if (!expected.equals(rddJob(sc, lines))) {
        throw new IllegalStateException("the RDD job and the plain loop disagree");
      }
      Result plain = measure("plain Java, 2 threads, HashMap", () -> plainLoop(lines, threads));
      Result rdd = measure("RDD job on local[2]", () -> rddJob(sc, lines));
      print(numLines, List.of(plain, rdd));
    } finally {
      sc.stop();
      threads.shutdownNow();
    }
  }

  /** The RDD job: the notebook's word count. */
  static Map<String, Integer> rddJob(EddyContext sc, List<String> lines) {
    RDD<String> input = sc.parallelize(lines, 2);
    return input.flatMap(l -> Arrays.asList(l.split(" ")).iterator())
        .mapToPair(w -> new Tuple2<>(w, 1))
        .reduceByKey(Integer::sum)
        .collectAsMap();
  }

  /** The same computation by hand: each thread counts half of the lines, then the maps merge. */
  static Map<String, Integer> plainLoop(List<String> lines, ExecutorService threads) throws Exception {
    int half = lines.size() / 2;
    List<Future<Map<String, Integer>>> parts = new ArrayList<>();
    for (List<String> slice : List.of(lines.subList(0, half), lines.subList(half, lines.size()))) {
      parts.add(threads.submit(() -> {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : slice) {
          for (String word : line.split(" ")) {
            counts.merge(word, 1, Integer::sum);
          }
        }
        return counts;
      }));
    }
    Map<String, Integer> total = new HashMap<>(parts.get(0).get());
    parts.get(1).get().forEach((w, n) -> total.merge(w, n, Integer::sum));
    return total;
  }

  private interface Round {
    Map<String, Integer> run() throws Exception;
  }

  private static Result measure(String variant, Round round) throws Exception {
    double[] ms = new double[MEASURED_ROUNDS];
    for (int r = -WARMUP_ROUNDS; r < MEASURED_ROUNDS; r++) {
      long t0 = System.nanoTime();
      Map<String, Integer> counts = round.run();
      long t1 = System.nanoTime();
      if (counts.size() > VOCABULARY) {
        throw new IllegalStateException(variant + " found more words than the vocabulary holds");
      }
      if (r >= 0) {
        ms[r] = (t1 - t0) / 1e6;
      }
    }
    Arrays.sort(ms);
    return new Result(variant, ms[MEASURED_ROUNDS / 2]);
  }

  private static void check(String variant, Map<String, Integer> counts, int numLines) {
    long words = counts.values().stream().mapToLong(Integer::longValue).sum();
    if (words != (long) numLines * WORDS_PER_LINE) {
      throw new IllegalStateException(variant + " counted " + words + " words, not " + numLines * WORDS_PER_LINE);
    }
  }

  /** Returns {@code numLines} lines of words drawn from a fixed vocabulary with a fixed seed. */
  static List<String> generate(int numLines) {
    Random random = new Random(SEED);
    Set<String> vocabulary = new LinkedHashSet<>();
    while (vocabulary.size() < VOCABULARY) {
      char[] word = new char[3 + random.nextInt(8)];
      for (int i = 0; i < word.length; i++) {
        word[i] = (char) ('a' + random.nextInt(26));
      }
      vocabulary.add(new String(word));
    }
    String[] words = vocabulary.toArray(new String[0]);
    List<String> lines = new ArrayList<>(numLines);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < numLines; i++) {
      line.setLength(0);
      for (int w = 0; w < WORDS_PER_LINE; w++) {
        if (w > 0) {
          line.append(' ');
        }
        line.append(words[random.nextInt(words.length)]);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static void print(int numLines, List<Result> results) {
    System.out.printf(Locale.ROOT, "%n%,d lines of %d words from a %,d-word vocabulary, 2 partitions / 2 threads;"
        + " median of %d rounds after %d warm-up rounds; %s %s, %d cores%n%n", numLines, WORDS_PER_LINE, VOCABULARY,
        MEASURED_ROUNDS, WARMUP_ROUNDS, System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    System.out.println("| variant | median ms | input lines/s | time vs plain loop |");
    System.out.println("|---|---:|---:|---:|");
    double plain = results.get(0).medianMs();
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "| %s | %.0f | %,.0f | %.2fx |%n",
          r.variant(), r.medianMs(), numLines / (r.medianMs() / 1000), r.medianMs() / plain);
    }
  }
}
