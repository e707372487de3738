package dev.eddy.bench;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.RDD;
import dev.eddy.shuffle.ShuffleSpillMetrics;
import dev.eddy.storage.StorageLevel;
import dev.eddy.storage.StorageMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Measures what persisting costs and saves, and what a shuffle spill costs. For each storage level
 * (and, for serialized levels, each serializer) it caches an RDD of {@code Tuple2<String,
 * Integer>} built by a map, times the first action (compute and store) and the median of five
 * later actions (read back), and reports the bytes kept; then it times a {@code reduceByKey} with
 * the shuffle in memory and with a 1 MB budget that makes the map tasks spill (figures per run).
 * The whole table runs once unprinted first, so that no row pays for the JIT warming up. Prints
 * Markdown tables.
 *
 * <p>{@code bench/run.sh storage [records]} (default 500,000 records in 8 partitions).
 */
public final class StorageBenchmark {
  private static final int PARTITIONS = 8;
  private static final int ROUNDS = 5;

  private StorageBenchmark() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    List<Integer> numbers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      numbers.add(i);
    }
    java.io.PrintStream out = System.out;
    System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    tables(numbers);
    System.setOut(out);
    System.out.printf(Locale.ROOT, "%,d records of Tuple2<String,Integer>, %d partitions, local[2]%n%n",
        numbers.size(), PARTITIONS);
    tables(numbers);
  }

  private static void tables(List<Integer> numbers) {
    System.out.println("| level | serializer | first action ms | later action ms (median) | memory MB | disk MB |");
    System.out.println("|---|---|---:|---:|---:|---:|");
    row("none (recompute)", "-", StorageLevel.NONE, "kryo", numbers);
    for (StorageLevel level : List.of(StorageLevel.MEMORY_ONLY, StorageLevel.MEMORY_ONLY_SER,
        StorageLevel.MEMORY_AND_DISK_SER, StorageLevel.DISK_ONLY, StorageLevel.MEMORY_ONLY_2)) {
      List<String> serializers = level.useMemory() && level.deserialized() && level.replication() == 1
          ? List.of("kryo") : List.of("kryo", "java");
      for (String serializer : serializers) {
        row(level.description(), serializer, level, serializer, numbers);
      }
    }
    System.out.println();
    System.out.println("| shuffle budget | reduceByKey ms (median) | spill segments | records spilled | MB spilled |");
    System.out.println("|---|---:|---:|---:|---:|");
    shuffle("256 MB (in memory)", 256L << 20, numbers);
    shuffle("1 MB", 1L << 20, numbers);
  }

  private static void row(
      String name, String shownSerializer, StorageLevel level, String serializer, List<Integer> numbers) {
    EddyContext sc = context(serializer, 256L << 20);
    try {
      RDD<Tuple2<String, Integer>> rdd = sc.parallelize(numbers, PARTITIONS).map(i -> new Tuple2<>("key-" + i, i));
      if (level.isValid()) {
        rdd.persist(level);
      }
      double first = time(() -> rdd.map(t -> t._2()).reduce(Integer::sum));
      double later = median(() -> rdd.map(t -> t._2()).reduce(Integer::sum));
      StorageMetrics m = sc.blockManager().metrics();
      System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.1f | %.1f |%n", name,
          level.isValid() ? shownSerializer : "-", first, later, m.memoryUsedBytes() / 1e6, m.diskUsedBytes() / 1e6);
    } finally {
      sc.stop();
    }
  }

  private static void shuffle(String name, long budget, List<Integer> numbers) {
    EddyContext sc = context("kryo", budget);
    try {
      double ms = median(() -> sc.parallelize(numbers, PARTITIONS)
          .mapToPair(i -> new Tuple2<>("key-" + (i % 100_000), 1L))
          .reduceByKey(Long::sum, PARTITIONS)
          .count());
      ShuffleSpillMetrics m = sc.shuffleManager().metrics();
      System.out.printf(Locale.ROOT, "| %s | %.0f | %d | %,d | %.1f |%n",
          name, ms, m.spills() / (ROUNDS + 1), m.recordsSpilled() / (ROUNDS + 1),
          m.bytesSpilled() / 1e6 / (ROUNDS + 1));
    } finally {
      sc.stop();
    }
  }

  private static EddyContext context(String serializer, long shuffleBudget) {
    return new EddyContext(new EddyConf(false).setMaster("local[2]").setAppName("storage-bench")
        .set("eddy.serializer", serializer)
        .set(EddyConf.SHUFFLE_MEMORY_BYTES.name(), String.valueOf(shuffleBudget)));
  }

  private static double median(Supplier<?> action) {
    action.get(); // warm-up
    double[] ms = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      ms[r] = time(action);
    }
    Arrays.sort(ms);
    return ms[ROUNDS / 2];
  }

  private static double time(Supplier<?> action) {
    long start = System.nanoTime();
    action.get();
    return (System.nanoTime() - start) / 1e6;
  }
}
