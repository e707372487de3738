package dev.eddy.streaming.dstream.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * elsewhere, then renamed). Its checkpoint position is the files read so far, the batches
 * generated after the checkpoint with their files, and the start time, so a recovered stream
 * reads the files that arrived while it was down and never a file twice. Thread-safe.
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
    List<Path> files = replayed(validTime).orElseGet(() -> newFiles(validTime.milliseconds()));
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

  // ---------------------------------------------------------------- streaming checkpoints (recovery)

  /** Batches a recovery runs again, with the files they read the first time; guarded by this. */
  private final Map<Time, List<Path>> replay = new HashMap<>();

  /**
   * Returns {@code {"ignoreBeforeMs": t, "readFiles": {"<path>": <modified ms>}, "batches":
   * {"<ms>": ["<path>"]}}}: the files taken by the batch at {@code time} or earlier, or by the
   * batches already generated after it, which are listed with their files.
   */
  @Override
  public synchronized Optional<String> checkpointPosition(Time time) {
    ObjectNode root = POSITION_JSON.createObjectNode();
    root.put("ignoreBeforeMs", ignoreBefore);
    ObjectNode read = root.putObject("readFiles");
    readFiles.forEach((path, modified) -> read.put(path.toString(), modified));
    ObjectNode batches = root.putObject("batches");
    for (Time t = time.plus(slideDuration()); inputInfo(t).isPresent(); t = t.plus(slideDuration())) {
      ArrayNode files = batches.putArray(String.valueOf(t.milliseconds()));
      filesOf(t).forEach(files::add);
    }
    return Optional.of(root.toString());
  }

  /** Continues from {@code json}: files read before are not read again, files newer than the first run's start are. */
  @Override
  public synchronized void restorePosition(String json) {
    try {
      JsonNode root = POSITION_JSON.readTree(json);
      ignoreBefore = root.get("ignoreBeforeMs").asLong();
      for (var it = root.get("readFiles").fields(); it.hasNext(); ) {
        var e = it.next();
        readFiles.put(Path.of(e.getKey()), e.getValue().asLong());
      }
      for (var it = root.get("batches").fields(); it.hasNext(); ) {
        var e = it.next();
        List<Path> files = new ArrayList<>();
        e.getValue().forEach(f -> files.add(Path.of(f.asText())));
        replay.put(new Time(Long.parseLong(e.getKey())), files);
      }
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a file stream position: " + json + " (" + e.getMessage() + ")", e);
    }
  }

  private synchronized Optional<List<Path>> replayed(Time time) {
    return Optional.ofNullable(replay.remove(time));
  }

  @SuppressWarnings("unchecked")
  private List<String> filesOf(Time time) {
    return inputInfo(time).map(i -> (List<String>) i.metadata().get(METADATA_KEY_FILES)).orElse(List.of());
  }

  private static final ObjectMapper POSITION_JSON = new ObjectMapper();
}
