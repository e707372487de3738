package dev.eddy.scheduler;

import java.util.Iterator;

/**
 * The counters of one running task attempt, from which the scheduler takes its {@link TaskMetrics}
 * when the attempt ends. Iterators are counted by a thin wrapper holding one counter, so counting
 * costs no allocation per record. Engine machinery: RDDs and tasks call it through
 * {@code TaskContext.taskMetrics()}.
 *
 * <p>Not thread-safe: written and read by the task's own thread only.
 */
public final class TaskMetricsRecorder {
  private static final int RECORDS_READ = 0;
  private static final int SHUFFLE_READ_RECORDS = 1;
  private static final int RECORDS_WRITTEN = 2;

  /** The counters the iterator wrappers increment, indexed by the constants above. */
  private final long[] recordCounts = new long[3];
  private long bytesRead;
  private long bytesWritten;
  private long shuffleReadBytes;
  private long shuffleWriteRecords;
  private long shuffleWriteBytes;

  /** Returns {@code records}, counting each element it yields as a record read from a source. */
  public <T> Iterator<T> countRecordsRead(Iterator<T> records) {
    return new Counting<>(records, recordCounts, RECORDS_READ);
  }

  /** Returns {@code records}, counting each element it yields as a record read from a shuffle. */
  public <T> Iterator<T> countShuffleRead(Iterator<T> records) {
    return new Counting<>(records, recordCounts, SHUFFLE_READ_RECORDS);
  }

  /** Returns {@code records}, counting each element it yields as a record written by the stage. */
  public <T> Iterator<T> countRecordsWritten(Iterator<T> records) {
    return new Counting<>(records, recordCounts, RECORDS_WRITTEN);
  }

  /** Adds {@code records} records and {@code bytes} serialized bytes written to a shuffle. */
  public void incShuffleWrite(long records, long bytes) {
    shuffleWriteRecords += records;
    shuffleWriteBytes += bytes;
  }

  /** Adds serialized bytes read from shuffle outputs (spilled or remote outputs). */
  public void incShuffleReadBytes(long bytes) {
    shuffleReadBytes += bytes;
  }

  /** Adds bytes read from a source that knows them (a file). */
  public void incBytesRead(long bytes) {
    bytesRead += bytes;
  }

  /** Adds bytes written by an output action that knows them. */
  public void incBytesWritten(long bytes) {
    bytesWritten += bytes;
  }

  /** Returns the counters with the given times. */
  TaskMetrics snapshot(long executorRunTimeMs, long durationMs) {
    return new TaskMetrics(
        executorRunTimeMs,
        durationMs,
        recordCounts[RECORDS_READ],
        bytesRead,
        recordCounts[RECORDS_WRITTEN],
        bytesWritten,
        recordCounts[SHUFFLE_READ_RECORDS],
        shuffleReadBytes,
        shuffleWriteRecords,
        shuffleWriteBytes);
  }

  /** Increments one counter per element yielded. */
  private static final class Counting<T> implements Iterator<T> {
    private final Iterator<T> delegate;
    private final long[] counts;
    private final int index;

    Counting(Iterator<T> delegate, long[] counts, int index) {
      this.delegate = delegate;
      this.counts = counts;
      this.index = index;
    }

    @Override
    public boolean hasNext() {
      return delegate.hasNext();
    }

    @Override
    public T next() {
      T t = delegate.next();
      counts[index]++;
      return t;
    }
  }
}
