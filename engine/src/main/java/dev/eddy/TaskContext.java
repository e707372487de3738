package dev.eddy;

import dev.eddy.accumulator.TaskAccumulators;
import java.util.Optional;

/**
 * What a running task knows about itself, as Spark's {@code TaskContext}: its job, stage and
 * partition, and whether it has been asked to stop. User code may read it with {@link #get()} on a
 * task thread.
 *
 * <p>Thread-safe: the scheduler may mark a task interrupted from another thread.
 */
public final class TaskContext {
  private static final ThreadLocal<TaskContext> CURRENT = new ThreadLocal<>();

  private final int jobId;
  private final int stageId;
  private final int partitionId;
  private volatile boolean interrupted;
  private final TaskAccumulators accumulators = new TaskAccumulators();

  public TaskContext(int jobId, int stageId, int partitionId) {
    this.jobId = jobId;
    this.stageId = stageId;
    this.partitionId = partitionId;
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

  /** Returns 0: Eddy does not retry tasks yet. */
  public int attemptNumber() {
    return 0;
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
    return "TaskContext[job " + jobId + ", stage " + stageId + ", partition " + partitionId + "]";
  }
}
