package dev.eddy.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keeps block copies as files, one file per copy, in a directory of its own that {@link #clear()}
 * deletes, as Spark's {@code DiskStore}. Not thread-safe: the {@code BlockManager} guards it with
 * its lock.
 */
public final class DiskStore {
  private final Path dir;
  private final Map<CopyId, Long> sizes = new HashMap<>();

  /** Creates a store writing into {@code dir}, created on first write. */
  public DiskStore(Path dir) {
    this.dir = dir;
  }

  /** Writes the copy's bytes, replacing an older file; returns the file's size. */
  public long put(CopyId id, byte[] bytes) {
    try {
      Files.createDirectories(dir);
      Files.write(file(id), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write block file " + file(id), e);
    }
    sizes.put(id, (long) bytes.length);
    return bytes.length;
  }

  /** Returns the copy's bytes, or null if it is not on disk. */
  public byte[] get(CopyId id) {
    if (!sizes.containsKey(id)) {
      return null;
    }
    try {
      return Files.readAllBytes(file(id));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read block file " + file(id), e);
    }
  }

  public boolean contains(CopyId id) {
    return sizes.containsKey(id);
  }

  /** Returns the size of the copy's file, 0 if absent. */
  public long size(CopyId id) {
    return sizes.getOrDefault(id, 0L);
  }

  /** Deletes the copy's file; returns whether there was one. */
  public boolean remove(CopyId id) {
    if (sizes.remove(id) == null) {
      return false;
    }
    try {
      Files.deleteIfExists(file(id));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete block file " + file(id), e);
    }
    return true;
  }

  /** Returns the bytes of every file. */
  public long usedBytes() {
    return sizes.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Deletes every file and the directory. */
  public void clear() {
    sizes.clear();
    deleteRecursively(dir);
  }

  /** Deletes {@code root} and everything under it; a missing root is fine. */
  public static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + root, e);
    }
  }

  private Path file(CopyId id) {
    return dir.resolve(id.fileName());
  }
}
