package dev.eddy.streaming.util;

import dev.eddy.EddyException;
import java.nio.file.Path;

/**
 * Thrown when a write-ahead log holds bytes that cannot be trusted and that are not a torn tail:
 * a damaged record followed by valid ones, a damaged segment header, or a missing segment whose
 * records were still needed. Recovery stops rather than skip data silently; the message names the
 * segment file and the offset.
 */
public final class WalCorruptionException extends EddyException {
  private final Path segment;
  private final long offset;

  /** @param offset the byte offset in {@code segment}, or -1 when the whole segment is concerned */
  public WalCorruptionException(Path segment, long offset, String message) {
    super(message);
    this.segment = segment;
    this.offset = offset;
  }

  /** Returns the segment file concerned. */
  public Path segment() {
    return segment;
  }

  /** Returns the byte offset of the damage in {@link #segment()}, or -1 for a whole segment. */
  public long offset() {
    return offset;
  }
}
