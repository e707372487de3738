package dev.eddy.streaming.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.util.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBasedWriteAheadLogTest {
  private static final int FRAME_HEADER = 16;
  private static final int SEGMENT_HEADER = 36;

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();

  private FileBasedWriteAheadLog open(WriteAheadLogSettings settings) {
    return FileBasedWriteAheadLog.open(dir, settings, clock);
  }

  private FileBasedWriteAheadLog open() {
    return open(WriteAheadLogSettings.DEFAULTS);
  }

  private static ByteBuffer rec(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String str(ByteBuffer b) {
    byte[] bytes = new byte[b.remaining()];
    b.duplicate().get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static List<String> all(WriteAheadLog wal) {
    List<String> out = new ArrayList<>();
    wal.readAll().forEachRemaining(b -> out.add(str(b)));
    return out;
  }

  private static List<String> records(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("record " + i + " " + "x".repeat(i % 7 * 5));
    }
    return out;
  }

  private static <T> T captureStderr(Supplier<T> body, StringBuilder err) {
    PrintStream original = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      return body.get();
    } finally {
      System.setErr(original);
      err.append(bytes.toString(StandardCharsets.UTF_8));
    }
  }

  private Path segment(long seq) {
    return dir.resolve(String.format("wal-%020d.log", seq));
  }

  // ---------------------------------------------------------------- round trip

  @Test
  void recordsComeBackByHandleAndInOrderAlsoAfterReopening() {
    List<String> expected = new ArrayList<>(records(50));
    expected.add("");
    List<WriteAheadLogRecordHandle> handles = new ArrayList<>();
    try (FileBasedWriteAheadLog wal = open()) {
      for (int i = 0; i < expected.size(); i++) {
        ByteBuffer b = rec(expected.get(i));
        handles.add(wal.write(b, i));
        assertEquals(0, b.position(), "write leaves the caller's buffer as it was");
      }
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i), str(wal.read(handles.get(i))));
      }
      assertEquals(expected, all(wal));
    }
    try (FileBasedWriteAheadLog wal = open()) {
      assertEquals(expected, all(wal));
      assertEquals(expected.get(7), str(wal.read(handles.get(7))));
      wal.write(rec("after reopening"), 100);
      expected.add("after reopening");
      assertEquals(expected, all(wal));
      assertEquals(1, wal.segmentFiles().size(), "appends to the segment it found");
    }
  }

  @Test
  void handleSaysWhereTheRecordIs() {
    try (FileBasedWriteAheadLog wal = open()) {
      FileBasedWriteAheadLogSegment first = (FileBasedWriteAheadLogSegment) wal.write(rec("abc"), 5);
      FileBasedWriteAheadLogSegment second = (FileBasedWriteAheadLogSegment) wal.write(rec("de"), 6);
      assertEquals(segment(0).toAbsolutePath().toString(), first.path());
      assertEquals(SEGMENT_HEADER, first.offset());
      assertEquals(3, first.length());
      assertEquals(SEGMENT_HEADER + FRAME_HEADER + 3, second.offset());
    }
  }

  @Test
  void badArgumentsAndUseAfterCloseFailClearly() {
    FileBasedWriteAheadLog wal = open();
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> wal.write(rec("a"), -1));
    assertTrue(negative.getMessage().contains("negative"), negative.getMessage());
    wal.close();
    wal.close();
    IllegalStateException closed = assertThrows(IllegalStateException.class, () -> wal.write(rec("a"), 1));
    assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
  }

  @Test
  void anInterruptedWriterFailsAloneAndLeavesNoPartialRecord() {
    for (FsyncPolicy policy : FsyncPolicy.values()) {
      Path sub = dir.resolve(policy.name());
      try (FileBasedWriteAheadLog wal = FileBasedWriteAheadLog.open(sub, WriteAheadLogSettings.DEFAULTS.withFsync(policy), clock)) {
        wal.write(rec("before"), 1);
        Thread.currentThread().interrupt(); // an interruptible channel closes when its user is interrupted
        try {
          assertThrows(java.io.UncheckedIOException.class, () -> wal.write(rec("interrupted"), 2));
        } finally {
          Thread.interrupted();
        }
        wal.flush();
        wal.write(rec("after"), 3);
        assertEquals(List.of("before", "after"), all(wal), policy.name());
      }
      StringBuilder err = new StringBuilder();
      try (FileBasedWriteAheadLog wal = captureStderr(() -> FileBasedWriteAheadLog.open(sub, WriteAheadLogSettings.DEFAULTS, clock), err)) {
        assertEquals(List.of("before", "after"), all(wal), policy.name());
      }
      assertEquals("", err.toString(), "no torn tail: " + policy);
    }
  }

  // ---------------------------------------------------------------- rolling

  @Test
  void rollsToANewSegmentWhenTheClockPassesTheRollingInterval() {
    try (FileBasedWriteAheadLog wal = open(new WriteAheadLogSettings(1000, 1 << 20, FsyncPolicy.BATCH))) {
      wal.write(rec("a"), 0);
      clock.advance(999);
      wal.write(rec("b"), 999);
      assertEquals(List.of(segment(0)), wal.segmentFiles());
      clock.advance(1);
      wal.write(rec("c"), 1000);
      clock.advance(2500);
      wal.write(rec("d"), 3500);
      assertEquals(List.of(segment(0), segment(1), segment(2)), wal.segmentFiles());
      assertEquals(List.of("a", "b", "c", "d"), all(wal));
    }
  }

  @Test
  void rollsBeforeASegmentWouldPassItsMaximumSize() {
    int maxBytes = 1024;
    int payload = 100;
    int perSegment = (maxBytes - SEGMENT_HEADER) / (FRAME_HEADER + payload);
    List<String> expected = new ArrayList<>();
    try (FileBasedWriteAheadLog wal = open(new WriteAheadLogSettings(60_000, maxBytes, FsyncPolicy.NONE))) {
      for (int i = 0; i < 20; i++) {
        String r = String.format("%03d", i) + "y".repeat(payload - 3);
        expected.add(r);
        wal.write(rec(r), i);
      }
      assertEquals((20 + perSegment - 1) / perSegment, wal.segmentFiles().size());
      for (Path p : wal.segmentFiles()) {
        assertTrue(sizeOf(p) <= maxBytes, p + " is " + sizeOf(p) + " bytes");
      }
      assertEquals(expected, all(wal));
    }
  }

  @Test
  void aRecordLargerThanASegmentGetsASegmentOfItsOwn() {
    String big = "z".repeat(3000);
    try (FileBasedWriteAheadLog wal = open(new WriteAheadLogSettings(60_000, 1024, FsyncPolicy.NONE))) {
      wal.write(rec("small"), 1);
      WriteAheadLogRecordHandle h = wal.write(rec(big), 2);
      wal.write(rec("after"), 3);
      assertEquals(3, wal.segmentFiles().size());
      assertEquals(big, str(wal.read(h)));
      assertEquals(List.of("small", big, "after"), all(wal));
    }
  }

  // ---------------------------------------------------------------- cleaning

  /** Writes records at times 0, 100, ..., one segment per second of the clock. */
  private List<WriteAheadLogRecordHandle> writeThreeSegments(FileBasedWriteAheadLog wal) {
    List<WriteAheadLogRecordHandle> handles = new ArrayList<>();
    for (int t = 0; t < 3000; t += 100) {
      clock.setTime(t);
      handles.add(wal.write(rec("t" + t), t));
    }
    return handles;
  }

  private static List<String> timesFrom(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int t = from; t < to; t += 100) {
      out.add("t" + t);
    }
    return out;
  }

  @Test
  void cleanDeletesSegmentsWhoseRecordsAreAllOlderThanTheThreshold() {
    WriteAheadLogSettings settings = new WriteAheadLogSettings(1000, 1 << 20, FsyncPolicy.BATCH);
    List<WriteAheadLogRecordHandle> handles;
    try (FileBasedWriteAheadLog wal = open(settings)) {
      handles = writeThreeSegments(wal);
      assertEquals(3, wal.segmentFiles().size());
      wal.clean(900, true); // segment 0 holds time 900
      assertEquals(3, wal.segmentFiles().size());
      wal.clean(1000, true);
      assertEquals(List.of(segment(1), segment(2)), wal.segmentFiles());
      assertTrue(Files.notExists(segment(0)));
      assertEquals(timesFrom(1000, 3000), all(wal));
      IllegalStateException gone = assertThrows(IllegalStateException.class, () -> wal.read(handles.get(0)));
      assertTrue(gone.getMessage().contains("no longer exists"), gone.getMessage());
      assertEquals("t1000", str(wal.read(handles.get(10))));
    }
    try (FileBasedWriteAheadLog wal = open(settings)) {
      assertEquals(timesFrom(1000, 3000), all(wal), "a cleaned-away first segment is not an error");
    }
  }

  @Test
  void cleanKeepsTheSegmentBeingWrittenAndCanRunInTheBackground() {
    try (FileBasedWriteAheadLog wal = open(new WriteAheadLogSettings(1000, 1 << 20, FsyncPolicy.BATCH))) {
      writeThreeSegments(wal);
      wal.clean(10_000, false);
      assertEquals(List.of(segment(2)), wal.segmentFiles());
      wal.close(); // waits for the background deletion
      assertTrue(Files.notExists(segment(0)) && Files.notExists(segment(1)));
      assertTrue(Files.exists(segment(2)));
    }
  }

  // ---------------------------------------------------------------- recovery

  /** Writes five records into one segment, closes, and returns the offset of the last frame. */
  private long writeFiveRecords() {
    try (FileBasedWriteAheadLog wal = open()) {
      WriteAheadLogRecordHandle last = null;
      for (String r : records(5)) {
        last = wal.write(rec(r), 10);
      }
      return ((FileBasedWriteAheadLogSegment) last).offset();
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aTailCutAtAnyByteOfTheLastRecordIsTruncatedAndReportedOnce() throws IOException {
    long lastOffset = writeFiveRecords();
    byte[] original = Files.readAllBytes(segment(0));
    List<String> firstFour = records(5).subList(0, 4);
    for (int cut = (int) lastOffset; cut < original.length; cut++) {
      Files.write(segment(0), java.util.Arrays.copyOf(original, cut));
      StringBuilder err = new StringBuilder();
      try (FileBasedWriteAheadLog wal = captureStderr(this::open, err)) {
        assertEquals(firstFour, all(wal), "cut at " + cut);
        if (cut == lastOffset) {
          assertEquals("", err.toString(), "nothing torn at a record boundary");
        } else {
          List<String> lines = err.toString().lines().toList();
          assertEquals(1, lines.size(), "one line: " + err);
          assertTrue(lines.get(0).contains(segment(0).toString()) && lines.get(0).contains("offset " + lastOffset),
              lines.get(0));
        }
        assertEquals(lastOffset, sizeOf(segment(0)), "truncated to valid data");
        wal.write(rec("appended"), 20);
        List<String> expected = new ArrayList<>(firstFour);
        expected.add("appended");
        assertEquals(expected, all(wal), "cut at " + cut);
      }
      StringBuilder again = new StringBuilder();
      try (FileBasedWriteAheadLog wal = captureStderr(this::open, again)) {
        assertEquals(5, all(wal).size());
      }
      assertEquals("", again.toString(), "reported once, not again on the next open");
    }
  }

  @Test
  void aFlippedByteInTheLastRecordIsATornTail() throws IOException {
    long lastOffset = writeFiveRecords();
    byte[] original = Files.readAllBytes(segment(0));
    for (int i = (int) lastOffset; i < original.length; i++) {
      byte[] damaged = original.clone();
      damaged[i] ^= 0x5A;
      Files.write(segment(0), damaged);
      StringBuilder err = new StringBuilder();
      try (FileBasedWriteAheadLog wal = captureStderr(this::open, err)) {
        assertEquals(records(5).subList(0, 4), all(wal), "flipped byte " + i);
      }
      assertEquals(1, err.toString().lines().count(), err.toString());
    }
  }

  @Test
  void aFlippedByteInAMiddleRecordIsAClearErrorNamingSegmentAndOffset() throws IOException {
    List<Long> offsets = new ArrayList<>();
    try (FileBasedWriteAheadLog wal = open()) {
      for (String r : records(5)) {
        offsets.add(((FileBasedWriteAheadLogSegment) wal.write(rec(r), 10)).offset());
      }
    }
    byte[] original = Files.readAllBytes(segment(0));
    long start = offsets.get(2);
    for (long i = start; i < offsets.get(3); i++) {
      byte[] damaged = original.clone();
      damaged[(int) i] ^= 0x5A;
      Files.write(segment(0), damaged);
      WalCorruptionException e = assertThrows(WalCorruptionException.class, this::open, "flipped byte " + i);
      assertEquals(segment(0).toAbsolutePath(), e.segment());
      assertEquals(start, e.offset());
      assertTrue(e.getMessage().contains(segment(0).getFileName().toString())
          && e.getMessage().contains("offset " + start), e.getMessage());
      assertEquals(original.length, sizeOf(segment(0)), "nothing is cut off");
    }
  }

  @Test
  void aDamagedLastRecordOfAnOlderSegmentIsAnErrorNotATail() throws IOException {
    try (FileBasedWriteAheadLog wal = open(new WriteAheadLogSettings(1000, 1 << 20, FsyncPolicy.BATCH))) {
      writeThreeSegments(wal);
    }
    byte[] bytes = Files.readAllBytes(segment(1));
    bytes[bytes.length - 1] ^= 1;
    Files.write(segment(1), bytes);
    WalCorruptionException e = assertThrows(WalCorruptionException.class, this::open);
    assertEquals(segment(1).toAbsolutePath(), e.segment());
  }

  @Test
  void aDamagedHeaderOrUnknownVersionIsAnError() throws IOException {
    writeFiveRecords();
    byte[] original = Files.readAllBytes(segment(0));
    byte[] badMagic = original.clone();
    badMagic[0] = 'X';
    Files.write(segment(0), badMagic);
    assertTrue(assertThrows(WalCorruptionException.class, this::open).getMessage().contains("damaged header"));
    ByteBuffer v2 = ByteBuffer.wrap(original.clone());
    v2.putInt(4, 2);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(v2.array(), 0, 32);
    v2.putInt(32, (int) crc.getValue());
    Files.write(segment(0), v2.array());
    WalCorruptionException version = assertThrows(WalCorruptionException.class, this::open);
    assertTrue(version.getMessage().contains("format version 2; this Eddy reads version 1"), version.getMessage());
  }

  @Test
  void anEmptyNewestSegmentIsIgnored() throws IOException {
    writeFiveRecords();
    Files.createFile(segment(1));
    StringBuilder err = new StringBuilder();
    try (FileBasedWriteAheadLog wal = captureStderr(this::open, err)) {
      assertEquals(records(5), all(wal));
      wal.write(rec("next"), 11);
      assertEquals(6, all(wal).size());
    }
    assertEquals("", err.toString());
    assertTrue(Files.notExists(segment(1)), "removed");
    Files.delete(segment(0));
    Files.createFile(segment(0));
    try (FileBasedWriteAheadLog wal = open()) {
      assertEquals(List.of(), all(wal));
    }
  }

  @Test
  void aTornHeaderOfTheNewestSegmentIsTruncated() throws IOException {
    writeFiveRecords();
    Files.write(segment(1), new byte[] {'E', 'W', 'A'});
    StringBuilder err = new StringBuilder();
    try (FileBasedWriteAheadLog wal = captureStderr(this::open, err)) {
      assertEquals(records(5), all(wal));
    }
    assertTrue(err.toString().contains(segment(1).toString()), err.toString());
  }

  @Test
  void aMissingOrEmptiedSegmentIsAnErrorUnlessItWasOlderThanTheCleaningThreshold() throws IOException {
    WriteAheadLogSettings settings = new WriteAheadLogSettings(1000, 1 << 20, FsyncPolicy.BATCH);
    try (FileBasedWriteAheadLog wal = open(settings)) {
      writeThreeSegments(wal);
    }
    byte[] middle = Files.readAllBytes(segment(1));
    Files.delete(segment(1));
    WalCorruptionException missing = assertThrows(WalCorruptionException.class, () -> open(settings));
    assertTrue(missing.getMessage().contains(segment(1).getFileName().toString()), missing.getMessage());
    Files.write(segment(1), new byte[0]);
    WalCorruptionException emptied = assertThrows(WalCorruptionException.class, () -> open(settings));
    assertTrue(emptied.getMessage().contains(segment(1).getFileName().toString()), emptied.getMessage());
    Files.write(segment(1), middle);

    byte[] first = Files.readAllBytes(segment(0));
    Files.delete(segment(0));
    WalCorruptionException firstMissing = assertThrows(WalCorruptionException.class, () -> open(settings));
    assertTrue(firstMissing.getMessage().contains("never cleaned"), firstMissing.getMessage());
    Files.write(segment(0), first);

    try (FileBasedWriteAheadLog wal = open(settings)) {
      wal.clean(1000, true);
    }
    Files.delete(segment(1)); // records up to 1900: newer than the threshold 1000
    assertThrows(WalCorruptionException.class, () -> open(settings));
  }

  // ---------------------------------------------------------------- concurrency and syncing

  @Test
  void concurrentWritersLoseNothing() throws Exception {
    int threads = 8;
    int perThread = 400;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try (FileBasedWriteAheadLog wal = open(new WriteAheadLogSettings(60_000, 8 << 10, FsyncPolicy.NONE))) {
      List<Future<List<WriteAheadLogRecordHandle>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures.add(pool.submit(() -> {
          go.await();
          List<WriteAheadLogRecordHandle> hs = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            hs.add(wal.write(rec(id + ":" + i), i));
          }
          return hs;
        }));
      }
      go.countDown();
      Set<String> expected = new HashSet<>();
      for (int t = 0; t < threads; t++) {
        List<WriteAheadLogRecordHandle> hs = futures.get(t).get();
        for (int i = 0; i < perThread; i++) {
          expected.add(t + ":" + i);
          assertEquals(t + ":" + i, str(wal.read(hs.get(i))));
        }
      }
      List<String> read = all(wal);
      assertEquals(threads * perThread, read.size());
      assertEquals(expected, new HashSet<>(read));
      assertTrue(wal.segmentFiles().size() > 1, "writers crossed segment boundaries");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentWritersUnderAlwaysShareSyncsAndLoseNothing() throws Exception {
    int threads = 4;
    int perThread = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (FileBasedWriteAheadLog wal = open(new WriteAheadLogSettings(60_000, 4 << 10, FsyncPolicy.ALWAYS))) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            wal.write(rec(id + ":" + i), i);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      Set<String> expected = new HashSet<>();
      for (int t = 0; t < threads; t++) {
        for (int i = 0; i < perThread; i++) {
          expected.add(t + ":" + i);
        }
      }
      List<String> read = all(wal);
      assertEquals(threads * perThread, read.size());
      assertEquals(expected, new HashSet<>(read));
      long segments = wal.segmentFiles().size();
      assertTrue(wal.syncCount() <= threads * perThread + 2 * segments,
          "at most one sync per record plus two per segment: " + wal.syncCount());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void alwaysForcesAfterEveryRecord() {
    try (FileBasedWriteAheadLog wal = open(WriteAheadLogSettings.DEFAULTS.withFsync(FsyncPolicy.ALWAYS))) {
      wal.write(rec("a"), 1);
      long afterFirst = wal.syncCount(); // the new segment's header, then the record
      assertEquals(2, afterFirst);
      for (int i = 0; i < 10; i++) {
        wal.write(rec("r"), 1);
      }
      assertEquals(afterFirst + 10, wal.syncCount());
      wal.flush();
      wal.close();
      assertEquals(afterFirst + 10, wal.syncCount(), "nothing left to sync");
    }
  }

  @Test
  void batchForcesOnFlushRollAndClose() {
    try (FileBasedWriteAheadLog wal = open(new WriteAheadLogSettings(1000, 1 << 20, FsyncPolicy.BATCH))) {
      wal.write(rec("a"), 1);
      assertEquals(1, wal.syncCount(), "the new segment's header only");
      for (int i = 0; i < 10; i++) {
        wal.write(rec("r"), 1);
      }
      assertEquals(1, wal.syncCount());
      wal.flush();
      assertEquals(2, wal.syncCount());
      wal.flush();
      assertEquals(2, wal.syncCount(), "a flush with nothing new does not sync");
      wal.write(rec("b"), 2);
      clock.advance(1000);
      wal.write(rec("c"), 1000); // rolls: syncs the old segment's tail, then the new header
      assertEquals(4, wal.syncCount());
      wal.close();
      assertEquals(5, wal.syncCount());
    }
  }

  @Test
  void noneNeverForces() {
    try (FileBasedWriteAheadLog wal = open(new WriteAheadLogSettings(1000, 1 << 20, FsyncPolicy.NONE))) {
      wal.write(rec("a"), 1);
      clock.advance(1000);
      wal.write(rec("b"), 1000);
      wal.flush();
      wal.close();
      assertEquals(0, wal.syncCount());
    }
  }

  @Test
  void settingsComeFromTheConfWithSparksKeyAccepted() {
    EddyConf conf = new EddyConf(false);
    assertEquals(WriteAheadLogSettings.DEFAULTS, WriteAheadLogSettings.fromConf(conf));
    conf.set(WriteAheadLogSettings.SPARK_ROLLING_INTERVAL_SECS, "5")
        .set(WriteAheadLogSettings.SEGMENT_BYTES, "2m")
        .set(WriteAheadLogSettings.FSYNC, "Always");
    assertEquals(new WriteAheadLogSettings(5000, 2 << 20, FsyncPolicy.ALWAYS), WriteAheadLogSettings.fromConf(conf));
    conf.set(WriteAheadLogSettings.ROLLING_INTERVAL_MS, "250");
    assertEquals(250, WriteAheadLogSettings.fromConf(conf).rollingIntervalMs());
    conf.set(WriteAheadLogSettings.FSYNC, "sometimes");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WriteAheadLogSettings.fromConf(conf));
    assertTrue(e.getMessage().contains("sometimes"), e.getMessage());
  }

  @Test
  void readAllIsLazyAndSeesOnlyWhatWasWrittenBeforeIt() {
    try (FileBasedWriteAheadLog wal = open()) {
      wal.write(rec("one"), 1);
      Iterator<ByteBuffer> it = wal.readAll();
      wal.write(rec("two"), 2);
      List<String> seen = new ArrayList<>();
      it.forEachRemaining(b -> seen.add(str(b)));
      assertEquals(List.of("one"), seen);
      assertEquals(Collections.nCopies(1, "one"), seen);
    }
  }
}
