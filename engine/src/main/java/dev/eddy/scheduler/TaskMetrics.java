package dev.eddy.scheduler;

/**
 * What one task attempt did, as Spark's {@code TaskMetrics}; carried by {@link TaskEnd}. Immutable.
 *
 * <p>Records are counted exactly, by counters around the task's iterators. Byte counts are filled
 * only where something was serialized: Eddy's in-memory shuffle passes records by reference, so
 * its {@code shuffleReadBytes} and {@code shuffleWriteBytes} are 0, as are {@code bytesRead} and
 * {@code bytesWritten} for in-memory sources and actions.
 *
 * @param executorRunTimeMs milliseconds the task's own code ran
 * @param durationMs milliseconds from the attempt's launch on a task thread to its end
 * @param recordsRead records read from the stage's sources (RDDs with no parents, such as a
 *     parallelized collection); shuffle reads are counted apart
 * @param bytesRead bytes read from sources, when known; else 0
 * @param recordsWritten records the stage's last RDD yielded to the task: to the action's function
 *     in a result stage, to the shuffle writer in a map stage (before map-side combine). Unlike
 *     Spark, which counts only records saved by output actions
 * @param bytesWritten bytes written by the action, when known; else 0
 * @param shuffleReadRecords records read from shuffle outputs (before reduce-side combine)
 * @param shuffleReadBytes serialized bytes read from shuffle outputs; 0 for in-memory outputs
 * @param shuffleWriteRecords records written to the shuffle (after map-side combine)
 * @param shuffleWriteBytes serialized bytes written to the shuffle; 0 for in-memory outputs
 */
public record TaskMetrics(
    long executorRunTimeMs,
    long durationMs,
    long recordsRead,
    long bytesRead,
    long recordsWritten,
    long bytesWritten,
    long shuffleReadRecords,
    long shuffleReadBytes,
    long shuffleWriteRecords,
    long shuffleWriteBytes) {

  /** Metrics of an attempt that never ran. */
  public static final TaskMetrics EMPTY = new TaskMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
