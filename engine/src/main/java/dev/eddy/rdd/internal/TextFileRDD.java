package dev.eddy.rdd.internal;

import dev.eddy.EddyContext;
import dev.eddy.TaskContext;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.RDD;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The lines of text files, as {@code sc.textFile} makes with Hadoop's {@code TextInputFormat}: each
 * file is cut into byte ranges, one partition each, and a partition reads the lines that start in
 * its range. A range that does not start at 0 skips its first (possibly partial) line, and every
 * range reads past its end to finish its last line, so a line that crosses a boundary is read once,
 * by the range it starts in. Lines end at {@code \n}; a {@code \r} before it is dropped; text is
 * UTF-8. Files are listed when the partitions are first needed. Immutable.
 */
public final class TextFileRDD extends RDD<String> {
  /** A byte range {@code [start, start + length)} of one file. */
  public record FileSplit(int index, Path file, long start, long length) implements Partition {}

  /** The split size of a local file system when the goal size is larger, as Hadoop's 32 MB block. */
  static final long BLOCK_SIZE = 32L * 1024 * 1024;
  private static final double SPLIT_SLOP = 1.1;

  private final String path;
  private final int minPartitions;

  public TextFileRDD(EddyContext sc, String path, int minPartitions) {
    super(sc, List.of(), "textFile");
    if (minPartitions < 1) {
      throw new IllegalArgumentException("minPartitions (" + minPartitions + ") must be positive");
    }
    this.path = path;
    this.minPartitions = minPartitions;
  }

  /** Cuts the files into splits as Hadoop's {@code FileInputFormat.getSplits}. */
  @Override
  protected List<Partition> getPartitions() {
    List<Path> files = InputPaths.list(path);
    long total = 0;
    for (Path f : files) {
      total += size(f);
    }
    long splitSize = Math.max(1, Math.min(total / minPartitions, BLOCK_SIZE));
    List<Partition> splits = new ArrayList<>();
    for (Path f : files) {
      long length = size(f);
      long remaining = length;
      while ((double) remaining / splitSize > SPLIT_SLOP) {
        splits.add(new FileSplit(splits.size(), f, length - remaining, splitSize));
        remaining -= splitSize;
      }
      if (remaining != 0 || length == 0) {
        splits.add(new FileSplit(splits.size(), f, length - remaining, remaining));
      }
    }
    return splits;
  }

  @Override
  public Iterator<String> compute(Partition split, TaskContext context) {
    FileSplit s = (FileSplit) split;
    try {
      return new LineIterator(s);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + s.file(), e);
    }
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the size of " + f, e);
    }
  }

  /** Reads the lines that start in one split; closes the file at its end. */
  private static final class LineIterator implements Iterator<String> {
    private final InputStream in;
    private final long end;
    private final byte[] buffer = new byte[64 * 1024];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int bufferPos;
    private int bufferLen;
    private long pos;
    private String next;
    private boolean done;

    LineIterator(FileSplit split) throws IOException {
      in = Files.newInputStream(split.file());
      in.skipNBytes(split.start());
      pos = split.start();
      end = split.start() + split.length();
      if (split.start() != 0) {
        readLine(); // belongs to the previous split, which reads past its end to finish it
      }
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        try {
          // a line starting exactly at end is ours: the next split skips its first line
          next = pos <= end ? readLine() : null;
          if (next == null) {
            done = true;
            in.close();
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return next != null;
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      String out = next;
      next = null;
      return out;
    }

    /** Returns the next line without its terminator, or null at the end of the file. */
    private String readLine() throws IOException {
      line.reset();
      boolean any = false;
      while (true) {
        if (bufferPos == bufferLen) {
          bufferLen = Math.max(0, in.read(buffer));
          bufferPos = 0;
          if (bufferLen == 0) {
            break;
          }
        }
        any = true;
        int newline = bufferPos;
        while (newline < bufferLen && buffer[newline] != '\n') {
          newline++;
        }
        line.write(buffer, bufferPos, newline - bufferPos);
        pos += newline - bufferPos;
        bufferPos = newline;
        if (newline < bufferLen) {
          bufferPos++;
          pos++;
          break;
        }
      }
      if (!any) {
        return null;
      }
      byte[] bytes = line.toByteArray();
      int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
      return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }
  }
}
