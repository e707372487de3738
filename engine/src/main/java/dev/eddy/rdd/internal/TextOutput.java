package dev.eddy.rdd.internal;

import dev.eddy.rdd.RDD;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes an RDD as text, as Spark's {@code saveAsTextFile}: a directory with one file per partition
 * ({@code part-00000}, {@code part-00001}, ...), one element per line as {@code String.valueOf}
 * (so null is written {@code null}), UTF-8, and an empty {@code _SUCCESS} marker once every part
 * is in place. Tasks write into {@code _temporary/} and the parts are moved into the directory only
 * after the job succeeds; a failed job removes the directory it created, so it can be run again.
 * Static helpers; thread-safe.
 */
public final class TextOutput {
  private TextOutput() {}

  /**
   * Writes {@code rdd} to the directory {@code path}.
   *
   * @throws UncheckedIOException caused by {@link FileAlreadyExistsException} if {@code path} exists
   */
  public static <T> void save(RDD<T> rdd, String path) {
    Path dir = Paths.get(InputPaths.stripScheme(path)).toAbsolutePath();
    rdd.context().assertNotStopped();
    if (Files.exists(dir)) {
      throw new UncheckedIOException(
          "Output directory file:" + dir + " already exists", new FileAlreadyExistsException(dir.toString()));
    }
    Path temporary = dir.resolve("_temporary");
    try {
      Files.createDirectories(temporary);
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < rdd.getNumPartitions(); i++) {
        all.add(i);
      }
      rdd.context().runJob(rdd, (ctx, it) -> writePart(temporary.resolve(partName(ctx.partitionId())), it), all);
      for (int i : all) {
        Files.move(temporary.resolve(partName(i)), dir.resolve(partName(i)), StandardCopyOption.ATOMIC_MOVE);
      }
      Files.delete(temporary);
      Files.createFile(dir.resolve("_SUCCESS"));
    } catch (IOException e) {
      deleteQuietly(dir);
      throw new UncheckedIOException("Cannot write " + dir, e);
    } catch (RuntimeException e) {
      deleteQuietly(dir);
      throw e;
    }
  }

  /** Returns the name of partition {@code i}'s file, as Hadoop's {@code part-00000}. */
  public static String partName(int i) {
    return String.format("part-%05d", i);
  }

  private static <T> Void writePart(Path file, Iterator<T> it) throws IOException {
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      while (it.hasNext()) {
        out.write(String.valueOf(it.next()));
        out.write('\n');
      }
    }
    return null;
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException ignored) {
      // best effort: the job's own failure is the error to report
    }
  }
}
