package dev.eddy;

import dev.eddy.accumulator.TaskAccumulators;
import dev.eddy.scheduler.TaskMetricsRecorder;
import java.util.Optional;

/**
 * What a running task attempt knows about itself, as Spark's {@code TaskContext}: its job, stage,
 * partition and attempt, its metrics, and whether it has been asked to stop. User code may read
 * it with {@link #get()} on a task thread. Each attempt of a retried task gets a new context.
 *
 * <p>Thread-safe: the scheduler may mark a task interrupted from another thread. The metrics are
 * written by the task's own thread only.
 */
public final class TaskContext {
  private static final ThreadLocal<TaskContext> CURRENT = new ThreadLocal<>();

  private final int jobId;
  private final int stageId;
  private final int partitionId;
  private final int attemptNumber;
  private final long taskAttemptId;
  private final TaskMetricsRecorder metrics = new TaskMetricsRecorder();
  private volatile boolean interrupted;
  private final TaskAccumulators accumulators = new TaskAccumulators();

  /** Creates the context of a first attempt whose attempt id is 0; for tests and tools. */
  public TaskContext(int jobId, int stageId, int partitionId) {
    this(jobId, stageId, partitionId, 0, 0);
  }

  /**
   * Creates the context of one task attempt.
   *
   * @param attemptNumber 0 for the first attempt, 1 for the first retry, ...
   * @param taskAttemptId unique among the attempts of the context's tasks
   */
  public TaskContext(int jobId, int stageId, int partitionId, int attemptNumber, long taskAttemptId) {
    this.jobId = jobId;
    this.stageId = stageId;
    this.partitionId = partitionId;
    this.attemptNumber = attemptNumber;
    this.taskAttemptId = taskAttemptId;
  }

  /** Returns the context of the task running on this thread, or null outside tasks (as Spark). */
  public static TaskContext get() {
    return CURRENT.get();
  }

  /** Returns the context of the task running on this thread, if any. */
  public static Optional<TaskContext> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Makes {@code context} the current one of this thread, or clears it when null; for the scheduler. */
  public static void setCurrent(TaskContext context) {
    if (context == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(context);
    }
  }

  public int jobId() {
    return jobId;
  }

  public int stageId() {
    return stageId;
  }

  public int partitionId() {
    return partitionId;
  }

  /** Returns how many times this task was attempted before: 0 first, 1 on the first retry, as Spark. */
  public int attemptNumber() {
    return attemptNumber;
  }

  /** Returns the id of this attempt, unique among the attempts of the context's tasks, as Spark. */
  public long taskAttemptId() {
    return taskAttemptId;
  }

  /** Returns the attempt's metrics counters, as Spark's {@code taskMetrics()}; written on the task's thread. */
  public TaskMetricsRecorder taskMetrics() {
    return metrics;
  }

  /** Returns whether the task was asked to stop (its job was cancelled or failed elsewhere). */
  public boolean isInterrupted() {
    return interrupted;
  }

  /** Asks the task to stop; its iterators throw at their next element. */
  public void markInterrupted() {
    interrupted = true;
  }

  /** Returns the task's private accumulator copies, merged into the driver's when the task succeeds. */
  public TaskAccumulators accumulators() {
    return accumulators;
  }

  @Override
  public String toString() {
    return "TaskContext[job " + jobId + ", stage " + stageId + ", partition " + partitionId
        + ", attempt " + attemptNumber + "]";
  }
}
