package dev.eddy.streaming.util;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The bytes of a {@link FileBasedWriteAheadLog} segment (documented in docs/fault-tolerance.md).
 *
 * <pre>
 * header (36 bytes): magic "EWAL" | int version | long sequence | long createdAt
 *                    | long priorMaxTime | int CRC32C of the 32 bytes before
 * frame:             int length | int CRC32C(length, time, payload) | long time | payload
 * </pre>
 *
 * All numbers are big-endian. Stateless.
 */
final class WalFormat {
  static final int MAGIC = 0x4557414C; // "EWAL"
  static final int VERSION = 1;
  static final int HEADER_BYTES = 36;
  static final int FRAME_HEADER_BYTES = 16;
  /** Times a resync accepts as plausible: [0, 2^42) ms, until the year 2109. */
  static final long PLAUSIBLE_TIME_LIMIT = 1L << 42;

  private static final Pattern NAME = Pattern.compile("wal-(\\d{20})\\.log");

  private WalFormat() {}

  /** The header of a segment. */
  record Header(long sequence, long createdAt, long priorMaxTime) {}

  static String fileName(long sequence) {
    return String.format("wal-%020d.log", sequence);
  }

  /** Returns the sequence number in a segment file's name, or -1 if it is not a segment's name. */
  static long sequenceOf(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  static ByteBuffer encodeHeader(Header h) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
    b.putInt(MAGIC).putInt(VERSION).putLong(h.sequence()).putLong(h.createdAt()).putLong(h.priorMaxTime());
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, HEADER_BYTES - 4);
    b.putInt((int) crc.getValue());
    return b.flip();
  }

  /**
   * Returns the header at the start of {@code bytes} (at least {@link #HEADER_BYTES} long).
   *
   * @throws WalCorruptionException if the magic or checksum is wrong, or the version unknown
   */
  static Header decodeHeader(Path file, ByteBuffer bytes) {
    ByteBuffer b = bytes.duplicate();
    CRC32C crc = new CRC32C();
    crc.update(b.duplicate().limit(HEADER_BYTES - 4));
    int magic = b.getInt();
    int version = b.getInt();
    long sequence = b.getLong();
    long createdAt = b.getLong();
    long priorMaxTime = b.getLong();
    int stored = b.getInt();
    if (magic != MAGIC || stored != (int) crc.getValue()) {
      throw new WalCorruptionException(file, 0, "write-ahead log segment " + file
          + " has a damaged header (bad magic number or checksum) at offset 0");
    }
    if (version != VERSION) {
      throw new WalCorruptionException(file, 4, "write-ahead log segment " + file + " has format version "
          + version + "; this Eddy reads version " + VERSION);
    }
    return new Header(sequence, createdAt, priorMaxTime);
  }

  /** Returns the frame header of a record: length, checksum, time. */
  static ByteBuffer encodeFrameHeader(ByteBuffer payload, long time) {
    ByteBuffer h = ByteBuffer.allocate(FRAME_HEADER_BYTES);
    int length = payload.remaining();
    h.putInt(length).putInt(checksum(length, time, payload)).putLong(time);
    return h.flip();
  }

  static int checksum(int length, long time, ByteBuffer payload) {
    CRC32C crc = new CRC32C();
    ByteBuffer lt = ByteBuffer.allocate(12).putInt(length).putLong(time).flip();
    crc.update(lt);
    crc.update(payload.duplicate());
    return (int) crc.getValue();
  }

  /**
   * Returns the length of the valid frame at {@code pos} in {@code bytes} (up to its limit), or -1
   * if there is none: too few bytes, a length that does not fit, or a checksum mismatch.
   */
  static int validFrameAt(ByteBuffer bytes, int pos) {
    int limit = bytes.limit();
    if (limit - pos < FRAME_HEADER_BYTES) {
      return -1;
    }
    int length = bytes.getInt(pos);
    if (length < 0 || length > limit - pos - FRAME_HEADER_BYTES) {
      return -1;
    }
    int stored = bytes.getInt(pos + 4);
    long time = bytes.getLong(pos + 8);
    ByteBuffer payload = bytes.duplicate().position(pos + FRAME_HEADER_BYTES).limit(pos + FRAME_HEADER_BYTES + length);
    return checksum(length, time, payload) == stored ? FRAME_HEADER_BYTES + length : -1;
  }

  /**
   * Returns the offset of the first valid frame after {@code from} whose time is plausible, or -1;
   * tells a damaged record followed by valid ones from a torn tail.
   */
  static int resync(ByteBuffer bytes, int from) {
    int limit = bytes.limit();
    for (int p = from + 1; p <= limit - FRAME_HEADER_BYTES; p++) {
      int length = bytes.getInt(p);
      if (length < 0 || length > limit - p - FRAME_HEADER_BYTES) {
        continue;
      }
      long time = bytes.getLong(p + 8);
      if (time < 0 || time >= PLAUSIBLE_TIME_LIMIT) {
        continue;
      }
      if (validFrameAt(bytes, p) > 0) {
        return p;
      }
    }
    return -1;
  }
}
