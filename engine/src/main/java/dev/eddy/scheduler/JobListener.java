package dev.eddy.scheduler;

/**
 * Receives the events of an {@code EddyContext}'s jobs, as Spark's {@code SparkListener} (its job,
 * stage and task events). Every method has a no-op default, so a listener overrides only what it
 * needs.
 *
 * <pre>{@code
 * sc.addJobListener(new JobListener() {
 *   public void onTaskEnd(TaskEnd e) {
 *     System.out.println(e.taskInfo().partition() + ": " + e.taskMetrics().recordsRead() + " read");
 *   }
 * });
 * }</pre>
 *
 * <p>Events are delivered one at a time, in the order they happened, on the context's listener
 * thread, never on a task thread, so a slow listener does not slow the job. For one job the order
 * is: {@link JobStart}; for each stage, parents first, {@link StageSubmitted}, its tasks'
 * {@link TaskStart} and {@link TaskEnd}, {@link StageCompleted}; then {@link JobEnd}. A task
 * stopped because another task failed may report its {@code TaskEnd} after the stage's end. A
 * listener that throws is reported on stderr and keeps receiving events.
 */
public interface JobListener {
  default void onJobStart(JobStart event) {}

  default void onJobEnd(JobEnd event) {}

  default void onStageSubmitted(StageSubmitted event) {}

  default void onStageCompleted(StageCompleted event) {}

  default void onTaskStart(TaskStart event) {}

  default void onTaskEnd(TaskEnd event) {}
}
