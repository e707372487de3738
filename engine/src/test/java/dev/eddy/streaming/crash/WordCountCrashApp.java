package dev.eddy.streaming.crash;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.scheduler.Recovery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The program {@link CrashRecoveryTest} kills again and again: a stateful word count of the text
 * generator with checkpoints every batch and an exactly-once file sink, run on the wall clock
 * until it is killed. Each batch writes every word's running count to {@code batch-<time>.txt}
 * (written to a temporary file, then renamed over it), so a batch run again after a crash
 * replaces its own file.
 *
 * <p>Arguments: checkpoint directory, sink directory, batch interval in ms, lines per batch.
 */
public final class WordCountCrashApp {
  /** The text generator's seed. */
  public static final long SEED = 7L;

  private WordCountCrashApp() {}

  public static void main(String[] args) {
    String checkpoints = args[0];
    Path sink = Path.of(args[1]);
    long batchMs = Long.parseLong(args[2]);
    int lines = Integer.parseInt(args[3]);
    EddyConf conf = new EddyConf().setMaster("local[2]").setAppName("crash-test")
        .set(Recovery.MAX_MISSED_BATCHES, "1000000");
    EddyContext sc = new EddyContext(conf);
    StreamingContext ssc = StreamingContext.getOrCreate(checkpoints, () -> {
      StreamingContext s = new StreamingContext(sc, Durations.milliseconds(batchMs));
      s.checkpoint(checkpoints);
      s.textGeneratorStream(lines, SEED)
          .flatMap(l -> Arrays.asList(l.split(" ")).iterator())
          .mapToPair(w -> new Tuple2<>(w, 1))
          .updateStateByKey((List<Integer> ones, Optional<Integer> n) -> Optional.of(n.orElse(0) + ones.size()))
          .checkpoint(Durations.milliseconds(batchMs))
          .foreachRDD((rdd, t) -> write(sink, t, rdd.collect()));
      return s;
    });
    System.out.println("recovering from " + ssc.recoveringFrom().map(Time::toString).orElse("nothing"));
    ssc.start();
    ssc.awaitTermination();
  }

  /** Writes a batch's counts as sorted {@code word count} lines, atomically replacing an earlier attempt's. */
  static void write(Path sink, Time time, List<Tuple2<String, Integer>> counts) {
    StringBuilder text = new StringBuilder();
    counts.stream().sorted(Comparator.comparing(Tuple2::_1))
        .forEach(kv -> text.append(kv._1()).append(' ').append(kv._2()).append('\n'));
    Path tmp = sink.resolve("batch-" + time.milliseconds() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(StandardCharsets.UTF_8.encode(text.toString()));
      ch.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.move(tmp, sink.resolve("batch-" + time.milliseconds() + ".txt"),
          StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
