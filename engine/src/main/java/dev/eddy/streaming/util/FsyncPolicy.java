package dev.eddy.streaming.util;

import java.util.Locale;

/**
 * When a {@link FileBasedWriteAheadLog} forces its data to the storage device ({@code
 * FileChannel.force}). Every write is handed to the operating system before {@code write} returns
 * (the log keeps no buffer of its own), so all three policies survive a crash of the JVM; they
 * differ in what survives a crash of the machine (power loss, kernel panic).
 */
public enum FsyncPolicy {
  /**
   * {@code write} returns only once its record is forced (concurrent writers share one force): an
   * acknowledged record survives a machine crash. Slowest.
   */
  ALWAYS,
  /**
   * Forces on {@code flush()} (a receiver calls it at a batch boundary), on rolling to a new
   * segment and on close: a machine crash loses at most the records written since the last flush.
   */
  BATCH,
  /**
   * Never forces: the operating system writes back when it likes (Linux: within about 30 s), so a
   * machine crash may lose that much. Fastest.
   */
  NONE;

  /** Returns the policy named {@code name} ({@code always}, {@code batch}, {@code none}; any case). */
  public static FsyncPolicy parse(String name) {
    for (FsyncPolicy p : values()) {
      if (p.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown write-ahead log fsync policy '" + name + "'; expected always, batch or none");
  }
}
