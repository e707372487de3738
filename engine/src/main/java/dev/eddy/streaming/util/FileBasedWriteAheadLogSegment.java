package dev.eddy.streaming.util;

/**
 * The handle of a record in a {@link FileBasedWriteAheadLog}, as Spark's class of the same name:
 * the segment file, the offset of the record's frame in it, and the payload's length. Immutable.
 *
 * @param path the segment file, as an absolute path string (serializable and readable in JSON)
 * @param offset the position of the record's frame in the file
 * @param length the payload's length in bytes
 */
public record FileBasedWriteAheadLogSegment(String path, long offset, int length)
    implements WriteAheadLogRecordHandle {
  public FileBasedWriteAheadLogSegment {
    if (path == null || offset < 0 || length < 0) {
      throw new IllegalArgumentException("invalid record handle: " + path + " @" + offset + " +" + length);
    }
  }
}
