package dev.eddy.bench;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.receiver.Receiver;
import dev.eddy.util.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures a receiver's ingest rate: how fast {@code store(List)} of 1,000-line blocks (lines of
 * about 60 bytes) returns, stored at {@code MEMORY_ONLY_SER}, without the receiver write-ahead log
 * and with it under the {@code batch} and {@code always} fsync policies. Batches do not run (the
 * context's clock is a manual one), so only storing is measured. A round of every row runs
 * unprinted first to warm up the JIT. Prints a Markdown table.
 *
 * <p>{@code bench/run.sh receiver-wal [blocks] [dir]} (default 400 blocks; the checkpoint
 * directory goes in a temporary directory under {@code dir}, default the system's).
 */
public final class ReceiverWalBenchmark {
  private static final int LINES_PER_BLOCK = 1000;

  private ReceiverWalBenchmark() {}

  /** A receiver with no thread: the benchmark stores blocks through it. */
  private static final class Fed extends Receiver<String> {
    Fed() {
      super(StorageLevel.MEMORY_ONLY_SER);
    }

    @Override
    public void onStart() {}

    @Override
    public void onStop() {}
  }

  public static void main(String[] args) throws Exception {
    int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    Path parent = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir"));
    List<List<String>> data = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      List<String> lines = new ArrayList<>(LINES_PER_BLOCK);
      for (int i = 0; i < LINES_PER_BLOCK; i++) {
        lines.add(String.format(Locale.ROOT, "%08d the quick brown fox jumps over the lazy dog %08d", b, i));
      }
      data.add(lines);
    }
    String[] modes = {"off", "batch", "always"};
    for (String mode : modes) {
      run(mode, data, parent); // warm-up
    }
    System.out.println("| receiver WAL | blocks of 1000 lines | records/s | MB/s of lines | ms per store |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (String mode : modes) {
      double seconds = run(mode, data, parent);
      long records = (long) blocks * LINES_PER_BLOCK;
      double mb = records * 60.0 / (1 << 20);
      System.out.printf(Locale.ROOT, "| %s | %d | %,.0f | %.1f | %.3f |%n",
          mode.equals("off") ? "off" : "on, fsync " + mode, blocks, records / seconds, mb / seconds, seconds * 1000 / blocks);
    }
  }

  private static double run(String mode, List<List<String>> data, Path parent) throws IOException {
    Path dir = Files.createTempDirectory(parent, "eddy-receiver-wal-bench");
    EddyConf conf = new EddyConf(false).setMaster("local[2]").setAppName("receiver-wal-bench")
        .set("eddy.storage.memory.bytes", String.valueOf(1L << 30));
    if (!mode.equals("off")) {
      conf.set("eddy.streaming.receiver.writeAheadLog.enable", "true").set("eddy.streaming.wal.fsync", mode);
    }
    EddyContext sc = new EddyContext(conf);
    try {
      StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), new ManualClock());
      ssc.checkpoint(dir.toString());
      Fed receiver = new Fed();
      ssc.receiverStream(receiver).foreachRDD(rdd -> {});
      ssc.start();
      long start = System.nanoTime();
      for (List<String> block : data) {
        receiver.store(block);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      ssc.stop(true);
      return seconds;
    } finally {
      sc.stop();
      deleteRecursively(dir);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
