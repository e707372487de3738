package dev.eddy.streaming.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What one pass over a segment file found: its header, its valid records, and where valid data
 * ends. A damaged frame in the last segment is a torn tail when no valid frame follows it; anywhere
 * else it is a {@link WalCorruptionException}. Immutable.
 *
 * @param header null for an empty file (or, in the last segment, a torn header)
 * @param validEnd the offset just past the last valid record
 * @param fileSize the size of the file when scanned
 * @param recordOffsets the offset of each valid record's frame, in order
 * @param maxTime the largest record time, or -1 when there is no record
 */
record WalSegmentScan(
    Path file, WalFormat.Header header, long validEnd, long fileSize, List<Integer> recordOffsets, long maxTime,
    ByteBuffer bytes) {

  /** Returns whether bytes after the valid records must be cut off (a torn tail). */
  boolean tornTail() {
    return validEnd < fileSize;
  }

  /**
   * Reads and checks the first {@code limit} bytes of {@code file} (all of it when {@code limit}
   * is negative). With {@code last}, a damaged end is reported as a torn tail, else as corruption.
   */
  static WalSegmentScan of(Path file, long limit, boolean last) {
    ByteBuffer bytes = readFile(file, limit);
    int size = bytes.limit();
    if (size == 0) {
      return new WalSegmentScan(file, null, 0, 0, List.of(), -1, bytes);
    }
    if (size < WalFormat.HEADER_BYTES) {
      if (last) {
        return new WalSegmentScan(file, null, 0, size, List.of(), -1, bytes);
      }
      throw new WalCorruptionException(file, 0, "write-ahead log segment " + file + " has a torn header ("
          + size + " of " + WalFormat.HEADER_BYTES + " bytes) but later segments exist");
    }
    WalFormat.Header header = WalFormat.decodeHeader(file, bytes);
    List<Integer> offsets = new ArrayList<>();
    long maxTime = -1;
    int pos = WalFormat.HEADER_BYTES;
    while (pos < size) {
      int frame = WalFormat.validFrameAt(bytes, pos);
      if (frame < 0) {
        int next = WalFormat.resync(bytes, pos);
        if (!last || next >= 0) {
          throw new WalCorruptionException(file, pos, "write-ahead log segment " + file
              + " has a damaged record at offset " + pos
              + (next >= 0 ? ", followed by a valid record at offset " + next : ", and later segments exist")
              + "; refusing to skip data");
        }
        break;
      }
      offsets.add(pos);
      maxTime = Math.max(maxTime, bytes.getLong(pos + 8));
      pos += frame;
    }
    return new WalSegmentScan(file, header, pos, size, List.copyOf(offsets), maxTime, bytes);
  }

  /** Returns the payload of each valid record, as read-only views of the scanned bytes. */
  List<ByteBuffer> payloads() {
    List<ByteBuffer> out = new ArrayList<>(recordOffsets.size());
    for (int off : recordOffsets) {
      int length = bytes.getInt(off);
      int start = off + WalFormat.FRAME_HEADER_BYTES;
      out.add(bytes.duplicate().position(start).limit(start + length).slice().asReadOnlyBuffer());
    }
    return out;
  }

  private static ByteBuffer readFile(Path file, long limit) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = limit < 0 ? ch.size() : Math.min(limit, ch.size());
      if (size > Integer.MAX_VALUE - 8) {
        throw new WalCorruptionException(file, -1, "write-ahead log segment " + file + " is too large: " + size + " bytes");
      }
      ByteBuffer b = ByteBuffer.allocate((int) size);
      while (b.hasRemaining() && ch.read(b, b.position()) >= 0) {
        // read until full
      }
      return b.flip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read write-ahead log segment " + file + ": " + e.getMessage(), e);
    }
  }
}
