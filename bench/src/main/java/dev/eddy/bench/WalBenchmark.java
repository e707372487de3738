package dev.eddy.bench;

import dev.eddy.streaming.util.FileBasedWriteAheadLog;
import dev.eddy.streaming.util.FsyncPolicy;
import dev.eddy.streaming.util.WriteAheadLogSettings;
import dev.eddy.util.SystemClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Measures the write throughput of the file-based write-ahead log with 1 KiB records under each
 * fsync policy: {@code always} (a sync per record), {@code batch} (a {@code flush()} every 1,000
 * records, as a receiver at a batch boundary) and {@code none}; each also with four concurrent
 * writers (under {@code always} they share syncs: group commit). A round of every row runs unprinted first to warm
 * up the JIT. Prints a Markdown table.
 *
 * <p>{@code bench/run.sh wal [records] [dir]} (default 100,000 records, a tenth of them for {@code
 * always}; the log goes in a temporary directory under {@code dir}, default the system's).
 */
public final class WalBenchmark {
  private static final int RECORD_BYTES = 1024;
  private static final int FLUSH_EVERY = 1000;

  private WalBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path parent = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir"));
    List<Object[]> rows = List.of(
        new Object[] {FsyncPolicy.ALWAYS, 1, Math.max(100, records / 10)},
        new Object[] {FsyncPolicy.BATCH, 1, records},
        new Object[] {FsyncPolicy.NONE, 1, records},
        new Object[] {FsyncPolicy.ALWAYS, 4, Math.max(100, records / 10)},
        new Object[] {FsyncPolicy.BATCH, 4, records},
        new Object[] {FsyncPolicy.NONE, 4, records});
    for (Object[] row : rows) {
      run(parent, (FsyncPolicy) row[0], (int) row[1], Math.min(5000, (int) row[2]));
    }
    System.out.printf(Locale.ROOT, "1 KiB records, 64 MiB segments, log in %s%n%n", parent.toAbsolutePath());
    System.out.println("| fsync | writers | records | seconds | records/s | MB/s | syncs |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (Object[] row : rows) {
      Result r = run(parent, (FsyncPolicy) row[0], (int) row[1], (int) row[2]);
      double seconds = r.nanos / 1e9;
      System.out.printf(Locale.ROOT, "| %s%s | %d | %,d | %.2f | %,.0f | %.1f | %,d |%n",
          row[0].toString().toLowerCase(Locale.ROOT), row[0] == FsyncPolicy.BATCH ? " (flush / " + FLUSH_EVERY + ")" : "",
          (int) row[1], (int) row[2], seconds, (int) row[2] / seconds,
          (double) (int) row[2] * RECORD_BYTES / seconds / 1e6, r.syncs);
    }
  }

  private record Result(long nanos, long syncs) {}

  private static Result run(Path parent, FsyncPolicy policy, int writers, int records) throws Exception {
    Path dir = Files.createTempDirectory(parent, "eddy-wal-bench-");
    byte[] payload = new byte[RECORD_BYTES];
    new Random(42).nextBytes(payload);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try (FileBasedWriteAheadLog wal = FileBasedWriteAheadLog.open(
        dir, WriteAheadLogSettings.DEFAULTS.withFsync(policy), SystemClock.INSTANCE)) {
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      int perWriter = records / writers;
      for (int w = 0; w < writers; w++) {
        futures.add(pool.submit(() -> {
          for (int i = 1; i <= perWriter; i++) {
            wal.write(ByteBuffer.wrap(payload), i);
            if (i % FLUSH_EVERY == 0) {
              wal.flush();
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      wal.flush();
      long nanos = System.nanoTime() - start;
      return new Result(nanos, wal.syncCount());
    } finally {
      pool.shutdown();
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
