package dev.eddy.scheduler;

import java.util.List;

/**
 * Describes a stage of a job, as Spark's {@code StageInfo}; carried by {@link JobStart},
 * {@link StageSubmitted} and {@link StageCompleted}, each a snapshot. Immutable.
 *
 * @param stageId the stage's id, unique within its context
 * @param name the operation that made the stage's last RDD, such as {@code "reduceByKey"} (a map
 *     stage is named after the RDD it shuffles, such as {@code "mapToPair"}), as Spark
 * @param numTasks one task per partition computed
 * @param parentIds the stages whose shuffle outputs this stage reads
 * @param rddIds the RDDs the stage computes, ascending
 * @param submissionTimeMs when its tasks were submitted, in epoch milliseconds; -1 before
 * @param completionTimeMs when it ended, in epoch milliseconds; -1 before
 * @param failureReason why it failed, or null if it has not (yet)
 */
public record StageInfo(
    int stageId,
    String name,
    int numTasks,
    List<Integer> parentIds,
    List<Integer> rddIds,
    long submissionTimeMs,
    long completionTimeMs,
    String failureReason) {

  public StageInfo {
    parentIds = List.copyOf(parentIds);
    rddIds = List.copyOf(rddIds);
  }

  /** Returns whether the stage ended in failure. */
  public boolean failed() {
    return failureReason != null;
  }

  StageInfo submitted(long timeMs) {
    return new StageInfo(stageId, name, numTasks, parentIds, rddIds, timeMs, -1, null);
  }

  StageInfo completed(long timeMs, String failure) {
    return new StageInfo(stageId, name, numTasks, parentIds, rddIds, submissionTimeMs, timeMs, failure);
  }
}
