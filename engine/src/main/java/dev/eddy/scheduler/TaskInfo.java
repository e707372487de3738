package dev.eddy.scheduler;

/**
 * Describes one task attempt, as Spark's {@code TaskInfo}; carried by {@link TaskStart} and
 * {@link TaskEnd}. Immutable.
 *
 * @param taskId the attempt's id, unique within its context ({@code TaskContext.taskAttemptId()})
 * @param stageId the stage the task belongs to
 * @param partition the partition it computes
 * @param attempt 0 for the first attempt, 1 for the first retry, ...
 * @param launchTimeMs when the attempt began on a task thread, in epoch milliseconds
 * @param finishTimeMs when it ended, in epoch milliseconds; -1 while running
 * @param status how it ended
 * @param error what the attempt threw, or null unless {@link Status#FAILED} or {@link Status#KILLED}
 */
public record TaskInfo(
    long taskId,
    int stageId,
    int partition,
    int attempt,
    long launchTimeMs,
    long finishTimeMs,
    Status status,
    Throwable error) {

  /** The state of an attempt. */
  public enum Status {
    /** Not finished. */
    RUNNING,
    /** Returned its result. */
    SUCCESS,
    /** Threw; it may be retried. */
    FAILED,
    /** Stopped because its job was cancelled or failed elsewhere; never retried. */
    KILLED
  }

  /** Returns whether the attempt returned its result. */
  public boolean successful() {
    return status == Status.SUCCESS;
  }

  /** Returns whether the attempt threw (not counting a kill). */
  public boolean failed() {
    return status == Status.FAILED;
  }

  /** Returns the attempt's duration in milliseconds, or -1 while it runs. */
  public long durationMs() {
    return finishTimeMs < 0 ? -1 : finishTimeMs - launchTimeMs;
  }

  TaskInfo finished(long timeMs, Status end, Throwable cause) {
    return new TaskInfo(taskId, stageId, partition, attempt, launchTimeMs, timeMs, end, cause);
  }
}
