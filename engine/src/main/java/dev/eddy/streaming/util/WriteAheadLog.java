package dev.eddy.streaming.util;

import java.nio.ByteBuffer;
import java.util.Iterator;

/**
 * A durable, append-only log of opaque records, as Spark's {@code
 * org.apache.spark.streaming.util.WriteAheadLog}: receivers write each block before reporting it,
 * and after a failure the blocks are read back and replayed. Each record carries a time (the
 * block's or batch's), by which {@link #clean} drops what a checkpoint no longer needs.
 *
 * <pre>{@code
 * try (WriteAheadLog wal = FileBasedWriteAheadLog.open(dir, settings, clock)) {
 *   WriteAheadLogRecordHandle h = wal.write(ByteBuffer.wrap(bytes), batchTime);
 *   wal.flush();                       // at the batch boundary
 *   ByteBuffer back = wal.read(h);
 *   wal.clean(checkpointTime, false);  // records older than the checkpoint are not needed
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe: several receivers may write at once.
 */
public interface WriteAheadLog extends AutoCloseable {

  /**
   * Appends the remaining bytes of {@code record} (its position is not moved) with {@code time},
   * and returns a handle by which {@link #read} finds it again. How durable the record is when
   * this returns depends on the implementation's sync policy.
   *
   * @param time milliseconds, not negative; {@link #clean} compares it with its threshold
   */
  WriteAheadLogRecordHandle write(ByteBuffer record, long time);

  /** Returns the record that {@link #write} stored under {@code handle}. */
  ByteBuffer read(WriteAheadLogRecordHandle handle);

  /** Returns every record still in the log, oldest first; used for recovery after a failure. */
  Iterator<ByteBuffer> readAll();

  /**
   * Makes every record written so far durable, as far as the implementation's sync policy allows
   * (Eddy's addition: Spark's log syncs inside {@code write}). Receivers call it at a batch
   * boundary.
   */
  void flush();

  /**
   * Drops records whose time is older than {@code threshTime}; with {@code waitForCompletion}
   * the records are gone when this returns, otherwise they are dropped in the background.
   */
  void clean(long threshTime, boolean waitForCompletion);

  /** Syncs as the policy says, releases files and threads. Closing twice is harmless. */
  @Override
  void close();
}
