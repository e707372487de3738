package dev.eddy.streaming.checkpoint;

import dev.eddy.serializer.DeserializationStream;
import dev.eddy.serializer.SerializationException;
import dev.eddy.serializer.Serializer;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Reads the checkpoints a {@link CheckpointWriter} wrote, as Spark's {@code CheckpointReader}.
 *
 * <pre>{@code
 * Optional<Checkpoint> cp = CheckpointReader.latest(dir, sc.serializer());
 * cp.ifPresent(c -> c.checkCompatible(ssc.batchDuration(), GraphSignature.of(ssc.graph())));
 * }</pre>
 *
 * <p>Stateless and thread-safe; the set of checkpoints already reported as damaged is shared by
 * the JVM so that each is reported once.
 */
public final class CheckpointReader {
  private static final Set<Path> REPORTED = ConcurrentHashMap.newKeySet();

  private CheckpointReader() {}

  /**
   * Returns the newest complete checkpoint in {@code dir}, or empty if there is none (or no such
   * directory). A damaged newer checkpoint is skipped, with one line on stderr the first time.
   *
   * @throws CheckpointVersionException if the newest readable checkpoint has another format
   *     version (never skipped: an older one would replay processed data)
   */
  public static Optional<Checkpoint> latest(Path dir, Serializer serializer) {
    for (Path p : checkpoints(dir)) {
      try {
        return Optional.of(read(p, serializer));
      } catch (CorruptCheckpointException e) {
        if (REPORTED.add(p.toAbsolutePath())) {
          System.err.println("eddy: skipping damaged " + e.getMessage());
        }
      }
    }
    return Optional.empty();
  }

  /** Returns the complete checkpoint directories in {@code dir}, newest first. */
  public static List<Path> checkpoints(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> all = new ArrayList<>(s.filter(p -> CheckpointFormat.timeOf(p) >= 0 && Files.isDirectory(p)).toList());
      all.sort(Comparator.comparingLong(CheckpointFormat::timeOf).reversed());
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoint directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the checkpoint in directory {@code checkpoint}, its blobs checked and deserialized.
   *
   * @throws CorruptCheckpointException if it is incomplete or damaged
   * @throws CheckpointVersionException if it has another format version
   */
  public static Checkpoint read(Path checkpoint, Serializer serializer) {
    CheckpointFormat.Metadata m = CheckpointFormat.fromJson(checkpoint, readFile(checkpoint, CheckpointFormat.METADATA_FILE));
    Checkpoint.Builder b = Checkpoint.builder(m.checkpointTime(), m.batchDuration(), m.graph()).pendingTimes(m.pendingTimes());
    m.inputPositions().forEach(b::inputPosition);
    m.zeroTime().ifPresent(b::zeroTime);
    for (Map.Entry<String, CheckpointFormat.BlobEntry> e : m.blobs().entrySet()) {
      b.blob(e.getKey(), readBlob(checkpoint, e.getKey(), e.getValue(), serializer));
    }
    return b.build();
  }

  private static List<List<Object>> readBlob(
      Path checkpoint, String name, CheckpointFormat.BlobEntry entry, Serializer serializer) {
    byte[] bytes = readFile(checkpoint, entry.file());
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    if (bytes.length != entry.bytes() || crc.getValue() != entry.crc32c()) {
      throw CheckpointFormat.corrupt(checkpoint, "blob '" + name + "' (" + entry.file() + ") has " + bytes.length
          + " bytes and CRC32C " + crc.getValue() + "; its metadata says " + entry.bytes() + " and " + entry.crc32c(), null);
    }
    if (!entry.serializer().equals(serializer.name())) {
      throw new IllegalArgumentException("blob '" + name + "' of checkpoint " + checkpoint + " was written by the "
          + entry.serializer() + " serializer; read it with that one, not " + serializer.name());
    }
    try (DeserializationStream in = serializer.deserializeStream(new ByteArrayInputStream(bytes))) {
      int partitions = in.<Integer>readObject();
      if (partitions != entry.partitions()) {
        throw CheckpointFormat.corrupt(checkpoint, "blob '" + name + "' has " + partitions + " partitions; its metadata says "
            + entry.partitions(), null);
      }
      List<List<Object>> out = new ArrayList<>(partitions);
      for (int i = 0; i < partitions; i++) {
        int size = in.<Integer>readObject();
        List<Object> partition = new ArrayList<>(size);
        for (int j = 0; j < size; j++) {
          partition.add(in.readObject());
        }
        out.add(partition);
      }
      return out;
    } catch (EOFException | SerializationException | ClassCastException e) {
      throw CheckpointFormat.corrupt(checkpoint, "blob '" + name + "' cannot be deserialized: " + e.getMessage(), e);
    }
  }

  private static byte[] readFile(Path checkpoint, String file) {
    try {
      return Files.readAllBytes(checkpoint.resolve(file));
    } catch (NoSuchFileException e) {
      throw CheckpointFormat.corrupt(checkpoint, file + " is missing", e);
    } catch (IOException e) {
      throw CheckpointFormat.corrupt(checkpoint, file + " cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
