package dev.eddy.streaming.checkpoint;

import dev.eddy.EddyConf;
import dev.eddy.serializer.SerializationStream;
import dev.eddy.serializer.Serializer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Writes {@link Checkpoint}s into a checkpoint directory, as Spark's {@code CheckpointWriter}:
 * each one into its own directory {@code checkpoint-<time>}, atomically, and keeps the newest
 * {@value #KEEP} (default 10, as Spark's retention).
 *
 * <pre>{@code
 * CheckpointWriter writer = CheckpointWriter.fromConf(dir, sc.serializer(), sc.getConf());
 * writer.write(checkpoint);
 * }</pre>
 *
 * <p><b>Atomicity.</b> A checkpoint is written into {@code checkpoint-<time>.tmp}: the blobs, then
 * {@code metadata.json} (which records each blob's size and CRC32C), each file forced to the
 * device; then the directory is renamed to {@code checkpoint-<time>} and the parent directory is
 * forced. A crash leaves either the complete checkpoint or a {@code .tmp} directory, which readers
 * ignore and the next writer removes. Rewriting a time moves the old checkpoint aside to {@code
 * checkpoint-<time>.old} first; the next writer puts it back if the crash came before the new one
 * was in place.
 *
 * <p>Thread-safe: writes are serialized. One writer per checkpoint directory.
 */
public final class CheckpointWriter {
  /** How many complete checkpoints are kept; older ones are deleted after each write. */
  public static final String KEEP = "eddy.streaming.checkpoint.keep";
  /** Spark keeps the last 10 checkpoints. */
  public static final int DEFAULT_KEEP = 10;

  private final Path dir;
  private final Serializer serializer;
  private final int keep;

  /**
   * Creates a writer into {@code dir} (created if missing), tidying what an interrupted writer
   * left there.
   *
   * @param keep how many complete checkpoints to keep; at least 1
   */
  public CheckpointWriter(Path dir, Serializer serializer, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException(KEEP + " must be at least 1, not " + keep);
    }
    this.dir = dir.toAbsolutePath();
    this.serializer = serializer;
    this.keep = keep;
    try {
      Files.createDirectories(this.dir);
      for (Path p : list(this.dir)) {
        String name = p.getFileName().toString();
        if (name.startsWith(CheckpointFormat.PREFIX) && name.endsWith(CheckpointFormat.TEMP_SUFFIX)) {
          deleteTree(p);
        } else if (name.startsWith(CheckpointFormat.PREFIX) && name.endsWith(CheckpointFormat.OLD_SUFFIX)) {
          Path replaced = p.resolveSibling(name.substring(0, name.length() - CheckpointFormat.OLD_SUFFIX.length()));
          if (Files.exists(replaced)) {
            deleteTree(p);
          } else {
            Files.move(p, replaced, StandardCopyOption.ATOMIC_MOVE); // interrupted while replacing it
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare checkpoint directory " + this.dir + ": " + e.getMessage(), e);
    }
  }

  /** Returns a writer keeping {@value #KEEP} checkpoints, read from {@code conf}. */
  public static CheckpointWriter fromConf(Path dir, Serializer serializer, EddyConf conf) {
    return new CheckpointWriter(dir, serializer, conf.getInt(KEEP, DEFAULT_KEEP));
  }

  public Path directory() {
    return dir;
  }

  /**
   * Writes {@code checkpoint} atomically, replacing one of the same time, then deletes all but the
   * newest checkpoints; returns its directory.
   */
  public synchronized Path write(Checkpoint checkpoint) {
    String name = CheckpointFormat.directoryName(checkpoint.checkpointTime());
    Path tmp = dir.resolve(name + CheckpointFormat.TEMP_SUFFIX);
    Path target = dir.resolve(name);
    try {
      deleteTree(tmp);
      Files.createDirectory(tmp);
      Map<String, CheckpointFormat.BlobEntry> blobs = new LinkedHashMap<>();
      for (String blob : checkpoint.blobNames()) {
        blobs.put(blob, writeBlob(tmp, blob, checkpoint.blob(blob)));
      }
      byte[] metadata = CheckpointFormat.toJson(new CheckpointFormat.Metadata(
          checkpoint.checkpointTime(), checkpoint.batchDuration(), checkpoint.graph(), checkpoint.pendingTimes(),
          checkpoint.inputPositions(), blobs, checkpoint.zeroTime()));
      Path metadataFile = tmp.resolve(CheckpointFormat.METADATA_FILE);
      Files.write(metadataFile, metadata);
      force(metadataFile);
      force(tmp);
      if (Files.exists(target)) {
        Path old = dir.resolve(name + CheckpointFormat.OLD_SUFFIX);
        deleteTree(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
      } else {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      force(dir);
      retain();
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
    }
  }

  private CheckpointFormat.BlobEntry writeBlob(Path tmp, String blob, List<List<Object>> partitions) throws IOException {
    String file = CheckpointFormat.blobFile(blob);
    Path path = tmp.resolve(file);
    CRC32C crc = new CRC32C();
    CountingStream counting = new CountingStream(Files.newOutputStream(path, StandardOpenOption.CREATE_NEW));
    try (SerializationStream out = serializer.serializeStream(
        new BufferedOutputStream(new CheckedOutputStream(counting, crc), 1 << 16))) {
      out.writeObject(partitions.size());
      for (List<Object> partition : partitions) {
        out.writeObject(partition.size());
        partition.forEach(out::writeObject);
      }
    }
    force(path);
    return new CheckpointFormat.BlobEntry(file, counting.count, crc.getValue(), partitions.size(), serializer.name());
  }

  /** Deletes complete checkpoints beyond the newest {@code keep}. */
  private void retain() throws IOException {
    List<Path> complete = new ArrayList<>();
    for (Path p : list(dir)) {
      if (CheckpointFormat.timeOf(p) >= 0 && Files.isDirectory(p)) {
        complete.add(p);
      }
    }
    complete.sort(Comparator.comparingLong(CheckpointFormat::timeOf).reversed());
    for (Path old : complete.subList(Math.min(keep, complete.size()), complete.size())) {
      deleteTree(old);
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }

  private static void force(Path p) {
    try (FileChannel ch = FileChannel.open(p, Files.isDirectory(p) ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      ch.force(true);
    } catch (IOException e) {
      if (!Files.isDirectory(p)) {
        throw new UncheckedIOException("cannot sync " + p + ": " + e.getMessage(), e);
      }
      // some platforms cannot sync a directory; the files themselves are synced
    }
  }

  /** Counts the bytes written through it. */
  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
