package dev.eddy.streaming.util;

import dev.eddy.util.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@link WriteAheadLog} in a directory of segment files, as Spark's {@code
 * FileBasedWriteAheadLog}: records are appended to the newest segment ({@code
 * wal-<sequence>.log}), and a new segment is started when the current one is older than the
 * rolling interval (by the injected {@link Clock}) or would grow past the maximum size. Each
 * record is framed with its length, a CRC32C checksum and its time; the format is in
 * docs/fault-tolerance.md.
 *
 * <pre>{@code
 * WriteAheadLog wal = FileBasedWriteAheadLog.open(dir, WriteAheadLogSettings.fromConf(conf), clock);
 * }</pre>
 *
 * <p><b>Recovery.</b> {@link #open} reads every segment and checks every record. A damaged end
 * of the newest segment (a partial length, a partial payload, a bad checksum in its last record)
 * is a torn write: it is reported with one line on stderr naming the file and offset and cut off,
 * so new records follow valid data. A damaged record followed by valid ones, a damaged header, or
 * a damaged record in an older segment throws {@link WalCorruptionException}. An empty (or
 * torn-header) newest segment file (a crash between creating it and writing its header) is ignored and removed.
 * A segment missing from the sequence, or empty while newer ones exist, throws, unless every
 * record before the next segment is older than the last {@link #clean} threshold (recorded in the
 * file {@code cleaned-before}).
 *
 * <p><b>Cleaning</b> deletes the oldest segments, in order, while all their records are older
 * than the threshold; the segment being written is kept.
 *
 * <p>Thread-safe: appends are serialized by the log's lock (one writer per file); under {@link
 * FsyncPolicy#ALWAYS} concurrent writers share each sync (group commit, the effect of Spark's
 * {@code BatchedWriteAheadLog} without its queue); readers open their own channels. One log object
 * per directory.
 */
public final class FileBasedWriteAheadLog implements WriteAheadLog {
  static final String CLEANED_BEFORE_FILE = "cleaned-before";

  private final Path dir;
  private final WriteAheadLogSettings settings;
  private final Clock clock;
  private final List<Segment> segments = new ArrayList<>();
  private final ExecutorService cleaner;
  private final Object syncLock = new Object();
  private FileChannel channel;
  private long writeSequence;
  private long syncedSequence;
  private long highWaterTime = -1;
  private long cleanedBefore = Long.MIN_VALUE;
  private boolean dirty;
  private long syncCount;
  private boolean closed;

  private FileBasedWriteAheadLog(Path dir, WriteAheadLogSettings settings, Clock clock) {
    this.dir = dir;
    this.settings = settings;
    this.clock = clock;
    this.cleaner = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "eddy-wal-cleaner-" + dir.getFileName());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Opens the log in {@code dir} (created if missing), recovering what an earlier log left there.
   *
   * @throws WalCorruptionException if the directory holds damaged or missing data (see above)
   */
  public static FileBasedWriteAheadLog open(Path dir, WriteAheadLogSettings settings, Clock clock) {
    FileBasedWriteAheadLog log = new FileBasedWriteAheadLog(dir.toAbsolutePath(), settings, clock);
    try {
      log.recover();
    } catch (RuntimeException e) {
      log.cleaner.shutdownNow();
      throw e;
    }
    return log;
  }

  /** Returns the directory of the segment files. */
  public Path directory() {
    return dir;
  }

  public WriteAheadLogSettings settings() {
    return settings;
  }

  /** Returns the segment files present, oldest first. */
  public synchronized List<Path> segmentFiles() {
    return segments.stream().map(s -> s.path).toList();
  }

  /** Returns how many times the log forced segment data to the device; see {@link FsyncPolicy}. */
  public synchronized long syncCount() {
    return syncCount;
  }

  /**
   * Appends the record; under {@link FsyncPolicy#ALWAYS} it returns once the record is on the
   * device. Concurrent writers share syncs (group commit): one {@code force} covers every record
   * appended before it, so N writers waiting together cost one sync rather than N. If this throws,
   * the record may or may not be in the log.
   */
  @Override
  public WriteAheadLogRecordHandle write(ByteBuffer record, long time) {
    Appended appended = append(record, time);
    if (settings.fsync() == FsyncPolicy.ALWAYS) {
      awaitSynced(appended.sequence());
    }
    return appended.handle();
  }

  private record Appended(WriteAheadLogRecordHandle handle, long sequence) {}

  private synchronized Appended append(ByteBuffer record, long time) {
    assertOpen();
    if (time < 0) {
      throw new IllegalArgumentException("a write-ahead log record's time cannot be negative: " + time);
    }
    if (record.remaining() > WriteAheadLogSettings.MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException("a write-ahead log record cannot exceed 1 GiB: " + record.remaining() + " bytes");
    }
    ByteBuffer payload = record.duplicate();
    ByteBuffer frameHeader = WalFormat.encodeFrameHeader(payload, time);
    long frameBytes = (long) WalFormat.FRAME_HEADER_BYTES + payload.remaining();
    Segment segment;
    long offset;
    try {
      segment = segmentFor(frameBytes);
      offset = segment.size;
      writeFully(new ByteBuffer[] {frameHeader, payload}, offset);
    } catch (IOException e) {
      // A failed write (or an interrupted writer, which closes the channel) may leave part of the
      // frame: drop the channel; reopening it cuts the file back to the last acknowledged record.
      abandonChannel();
      throw new UncheckedIOException("cannot write to the write-ahead log in " + dir + ": " + e, e);
    }
    segment.size += frameBytes;
    segment.maxTime = Math.max(segment.maxTime, time);
    highWaterTime = Math.max(highWaterTime, time);
    dirty = true;
    return new Appended(
        new FileBasedWriteAheadLogSegment(segment.path.toString(), offset, record.remaining()), ++writeSequence);
  }

  /** Returns once the record with sequence {@code sequence} is on the device, syncing if no one else has. */
  private void awaitSynced(long sequence) {
    synchronized (syncLock) {
      FileChannel ch;
      long target;
      synchronized (this) {
        if (syncedSequence >= sequence) {
          return;
        }
        try {
          if (channel == null) {
            reopen(segments.get(segments.size() - 1));
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot sync the write-ahead log in " + dir + ": " + e, e);
        }
        ch = channel;
        target = writeSequence;
      }
      try {
        ch.force(false); // outside the log's lock: other writers keep appending meanwhile
      } catch (IOException e) {
        synchronized (this) {
          if (syncedSequence >= sequence) {
            return; // the channel was closed by a roll or close, which synced first
          }
          if (channel == ch) {
            abandonChannel();
          }
        }
        throw new UncheckedIOException("cannot sync the write-ahead log in " + dir + ": " + e, e);
      }
      synchronized (this) {
        syncCount++;
        syncedSequence = Math.max(syncedSequence, target);
        dirty = syncedSequence < writeSequence;
      }
    }
  }

  @Override
  public ByteBuffer read(WriteAheadLogRecordHandle handle) {
    return readRecord(handle);
  }

  /**
   * Returns the record under {@code handle} without opening the log: the handle names its file,
   * so a reader (a batch reading a block back after a restart) needs no log object, and reading
   * never disturbs the log's writer. Checks the record's checksum.
   *
   * @throws IllegalArgumentException if the handle is not a {@link FileBasedWriteAheadLogSegment}
   * @throws IllegalStateException if the segment file no longer exists
   * @throws WalCorruptionException if no valid record of the handle's length is at its offset
   */
  public static ByteBuffer readRecord(WriteAheadLogRecordHandle handle) {
    if (!(handle instanceof FileBasedWriteAheadLogSegment h)) {
      throw new IllegalArgumentException("not a handle of a file-based write-ahead log: " + handle);
    }
    Path file = Path.of(h.path());
    int frameBytes = WalFormat.FRAME_HEADER_BYTES + h.length();
    ByteBuffer bytes = ByteBuffer.allocate(frameBytes);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (bytes.hasRemaining() && ch.read(bytes, h.offset() + bytes.position()) >= 0) {
        // read the whole frame
      }
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("write-ahead log segment " + file + " no longer exists (cleaned?); cannot read " + h, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + h + ": " + e.getMessage(), e);
    }
    bytes.flip();
    if (WalFormat.validFrameAt(bytes, 0) != frameBytes) {
      throw new WalCorruptionException(file, h.offset(), "write-ahead log segment " + file
          + " has no valid record of " + h.length() + " bytes at offset " + h.offset());
    }
    return bytes.position(WalFormat.FRAME_HEADER_BYTES).slice().asReadOnlyBuffer();
  }

  /**
   * Returns every record, oldest segment first, reading one segment at a time. Records written
   * after this call are not included. Each record's checksum is checked again.
   */
  @Override
  public Iterator<ByteBuffer> readAll() {
    List<Path> files = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    synchronized (this) {
      for (Segment s : segments) {
        files.add(s.path);
        sizes.add(s.size);
      }
    }
    return new Iterator<>() {
      private int next;
      private Iterator<ByteBuffer> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && next < files.size()) {
          current = WalSegmentScan.of(files.get(next), sizes.get(next), false).payloads().iterator();
          next++;
        }
        return current.hasNext();
      }

      @Override
      public ByteBuffer next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more write-ahead log records");
        }
        return current.next();
      }
    };
  }

  /** Forces written records to the device under {@link FsyncPolicy#BATCH}; see the policy. */
  @Override
  public synchronized void flush() {
    assertOpen();
    if (settings.fsync() == FsyncPolicy.BATCH && dirty) {
      try {
        force();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot sync the write-ahead log in " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void clean(long threshTime, boolean waitForCompletion) {
    List<Path> doomed = new ArrayList<>();
    synchronized (this) {
      assertOpen();
      if (threshTime > cleanedBefore) {
        cleanedBefore = threshTime;
        writeCleanedBefore(threshTime);
      }
      while (segments.size() > 1 && segments.get(0).maxTime < threshTime) {
        doomed.add(segments.remove(0).path);
      }
    }
    if (doomed.isEmpty()) {
      return;
    }
    Runnable delete = () -> doomed.forEach(FileBasedWriteAheadLog::deleteQuietly);
    if (waitForCompletion) {
      delete.run();
    } else {
      cleaner.execute(delete);
    }
  }

  /**
   * Forces unsynced records (unless the policy is {@link FsyncPolicy#NONE}), closes the file, and
   * waits for background cleaning to end.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (settings.fsync() != FsyncPolicy.NONE && dirty) {
          force();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot sync the write-ahead log in " + dir + " on close: " + e.getMessage(), e);
      } finally {
        abandonChannel();
        cleaner.shutdown();
      }
    }
    try {
      cleaner.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "FileBasedWriteAheadLog[" + dir + ", " + settings.fsync() + "]";
  }

  // ---------------------------------------------------------------- recovery

  private void recover() {
    try {
      Files.createDirectories(dir);
      Path cleaned = dir.resolve(CLEANED_BEFORE_FILE);
      if (Files.exists(cleaned)) {
        cleanedBefore = parseCleanedBefore(cleaned);
      }
      List<Path> files;
      try (Stream<Path> list = Files.list(dir)) {
        files = list.filter(p -> WalFormat.sequenceOf(p) >= 0)
            .sorted((a, b) -> Long.compare(WalFormat.sequenceOf(a), WalFormat.sequenceOf(b)))
            .toList();
      }
      long expected = 0;
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        boolean last = i == files.size() - 1;
        WalSegmentScan scan = WalSegmentScan.of(file, -1, last);
        long seq = WalFormat.sequenceOf(file);
        if (scan.header() != null && scan.header().sequence() != seq) {
          throw new WalCorruptionException(file, 8, "write-ahead log segment " + file
              + " says it is segment " + scan.header().sequence() + "; was it renamed?");
        }
        if (scan.header() == null) {
          if (last) {
            if (scan.tornTail()) {
              reportTornTail(scan);
            }
            Files.delete(file); // an empty or torn-header newest segment is started again
          }
          continue; // an empty older segment counts as missing: the next segment's check decides
        }
        if (seq != expected) {
          checkGap(file, expected, seq, scan);
        }
        expected = seq + 1;
        if (scan.tornTail()) {
          reportTornTail(scan);
          truncate(scan);
        }
        Segment s = new Segment(seq, file, scan.header().createdAt(), scan.header().priorMaxTime(), scan.validEnd());
        s.maxTime = scan.maxTime();
        highWaterTime = Math.max(highWaterTime, s.maxTime);
        segments.add(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot recover the write-ahead log in " + dir + ": " + e.getMessage(), e);
    }
  }

  private void checkGap(Path file, long expected, long seq, WalSegmentScan scan) {
    long priorMax = scan.header().priorMaxTime();
    if (priorMax < cleanedBefore) {
      return; // the missing segments held only records older than the last cleaning threshold
    }
    String missing = expected == seq - 1 ? WalFormat.fileName(expected)
        : WalFormat.fileName(expected) + " to " + WalFormat.fileName(seq - 1);
    throw new WalCorruptionException(file, -1, "write-ahead log in " + dir + " is missing segment(s) " + missing + " (absent or empty)"
        + " before " + file.getFileName() + "; they held records up to time "
        + priorMax
        + ", not older than the cleaning threshold "
        + (cleanedBefore == Long.MIN_VALUE ? "(never cleaned)" : String.valueOf(cleanedBefore))
        + "; refusing to skip data");
  }

  private static void reportTornTail(WalSegmentScan scan) {
    System.err.println("eddy: write-ahead log segment " + scan.file() + " has a torn tail at offset "
        + scan.validEnd() + " (" + (scan.fileSize() - scan.validEnd()) + " bytes); truncated to the last valid record");
  }

  private void truncate(WalSegmentScan scan) throws IOException {
    try (FileChannel ch = FileChannel.open(scan.file(), StandardOpenOption.WRITE)) {
      ch.truncate(scan.validEnd());
      if (settings.fsync() != FsyncPolicy.NONE) {
        ch.force(true);
      }
    }
  }

  // ---------------------------------------------------------------- writing

  private Segment segmentFor(long frameBytes) throws IOException {
    Segment current = segments.isEmpty() ? null : segments.get(segments.size() - 1);
    if (current != null && current.size >= WalFormat.HEADER_BYTES) {
      boolean expired = clock.getTimeMillis() >= current.createdAt + settings.rollingIntervalMs();
      boolean full = current.size > WalFormat.HEADER_BYTES && current.size + frameBytes > settings.maxSegmentBytes();
      if (!expired && !full) {
        if (channel == null) {
          reopen(current);
        }
        return current;
      }
    }
    return startSegment(current == null ? 0 : current.sequence + 1);
  }

  private Segment startSegment(long sequence) throws IOException {
    if (settings.fsync() != FsyncPolicy.NONE && dirty) {
      force();
    }
    if (channel != null) {
      channel.close();
      channel = null;
    }
    Path file = dir.resolve(WalFormat.fileName(sequence));
    Segment segment = new Segment(sequence, file, clock.getTimeMillis(), highWaterTime, 0);
    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      writeFully(new ByteBuffer[] {WalFormat.encodeHeader(
          new WalFormat.Header(sequence, segment.createdAt, segment.priorMaxTime))}, 0);
      if (settings.fsync() != FsyncPolicy.NONE) {
        force();
        syncDirectory();
      }
    } catch (IOException e) {
      abandonChannel();
      Files.deleteIfExists(file);
      throw e;
    }
    segment.size = WalFormat.HEADER_BYTES;
    segments.add(segment);
    return segment;
  }

  /** Opens the channel on {@code segment}, cutting off what follows its last acknowledged record. */
  private void reopen(Segment segment) throws IOException {
    channel = FileChannel.open(segment.path, StandardOpenOption.WRITE);
    if (channel.size() > segment.size) {
      channel.truncate(segment.size); // the remains of a failed write
    }
  }

  private void abandonChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the channel is dropped either way
      }
      channel = null;
    }
  }

  private void writeFully(ByteBuffer[] buffers, long position) throws IOException {
    channel.position(position);
    long remaining = 0;
    for (ByteBuffer b : buffers) {
      remaining += b.remaining();
    }
    while (remaining > 0) {
      remaining -= channel.write(buffers);
    }
  }

  private void force() throws IOException {
    if (channel == null) {
      reopen(segments.get(segments.size() - 1)); // dirty, but a failed write dropped the channel
    }
    channel.force(false);
    syncCount++;
    dirty = false;
    syncedSequence = writeSequence;
  }

  private void syncDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // some platforms cannot open a directory for syncing; the file's own sync still holds
    }
  }

  private void writeCleanedBefore(long threshTime) {
    Path tmp = dir.resolve(CLEANED_BEFORE_FILE + ".tmp");
    try {
      Files.writeString(tmp, threshTime + "\n", StandardCharsets.US_ASCII);
      if (settings.fsync() != FsyncPolicy.NONE) {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          ch.force(true);
        }
      }
      Files.move(tmp, dir.resolve(CLEANED_BEFORE_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the cleaning threshold in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static long parseCleanedBefore(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new WalCorruptionException(file, 0, "write-ahead log file " + file + " should hold a time, not '" + text + "'");
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      System.err.println("eddy: cannot delete old write-ahead log segment " + file + ": " + e.getMessage());
    }
  }

  private void assertOpen() {
    if (closed) {
      throw new IllegalStateException("the write-ahead log in " + dir + " is closed");
    }
  }

  /** A segment file and what the log knows of it; guarded by the log's lock. */
  private static final class Segment {
    final long sequence;
    final Path path;
    final long createdAt;
    final long priorMaxTime;
    long size;
    long maxTime = -1;

    Segment(long sequence, Path path, long createdAt, long priorMaxTime, long size) {
      this.sequence = sequence;
      this.path = path;
      this.createdAt = createdAt;
      this.priorMaxTime = priorMaxTime;
      this.size = size;
    }
  }
}
