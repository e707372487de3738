package dev.eddy.streaming.dstream.internal;

import dev.eddy.rdd.RDD;
import dev.eddy.rdd.internal.UnionRDD;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.scheduler.StreamInputInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A stream of the lines of new files in a directory, as Spark's {@code FileInputDStream} (no
 * receiver): the batch at time T reads each regular file whose modification time is at most T,
 * not before the context started (new files only, as Spark's default) and not older than the
 * remember window ({@value #MIN_REMEMBER_MILLIS} ms or the batch interval), and that an earlier
 * batch did not read. Modification times are compared with the context's clock, so tests set them
 * on a {@link dev.eddy.util.ManualClock}'s scale. Names starting with {@code .} or {@code _} are
 * skipped, as are subdirectories. Files should be moved into the directory whole (written
 * elsewhere, then renamed). Thread-safe.
 */
public final class FileInputDStream extends InputDStream<String> {
  /** Metadata key of the files a batch read: a list of paths. */
  public static final String METADATA_KEY_FILES = "files";

  /** How long read files are remembered so they are not read again, as Spark's minRememberDuration. */
  static final long MIN_REMEMBER_MILLIS = 60_000;

  private final Path directory;
  private final Map<Path, Long> readFiles = new HashMap<>();
  private volatile long ignoreBefore;

  public FileInputDStream(StreamingContext ssc, String directory) {
    super(ssc);
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException("textFileStream needs a directory, not '" + directory + "'");
    }
    this.directory = Path.of(directory);
  }

  @Override
  public void start(Time zeroTime) {
    super.start(zeroTime);
    ignoreBefore = context().clock().getTimeMillis();
  }

  @Override
  public Optional<RDD<String>> compute(Time validTime) {
    List<Path> files = newFiles(validTime.milliseconds());
    var sc = context().sparkContext();
    List<RDD<String>> rdds = new ArrayList<>();
    files.forEach(f -> rdds.add(sc.textFile(f.toString())));
    RDD<String> rdd = switch (rdds.size()) {
      case 0 -> sc.emptyRDD();
      case 1 -> rdds.get(0);
      default -> new UnionRDD<>(sc, rdds);
    };
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(METADATA_KEY_FILES, files.stream().map(Path::toString).toList());
    metadata.put(StreamInputInfo.METADATA_KEY_DESCRIPTION, "files: " + files);
    reportInput(validTime, 0, metadata);
    return Optional.of(rdd);
  }

  private synchronized List<Path> newFiles(long time) {
    long remember = Math.max(MIN_REMEMBER_MILLIS, slideDuration().milliseconds());
    long threshold = Math.max(ignoreBefore, time - remember);
    readFiles.values().removeIf(modified -> modified < threshold);
    List<Path> selected = new ArrayList<>();
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path file : entries.sorted(Comparator.comparing(Path::toString)).toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("_") || !Files.isRegularFile(file)) {
          continue;
        }
        long modified = Files.getLastModifiedTime(file).toMillis();
        if (modified >= threshold && modified <= time && !readFiles.containsKey(file)) {
          selected.add(file);
          readFiles.put(file, modified);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the directory " + directory + " of textFileStream", e);
    }
    return selected;
  }
}
