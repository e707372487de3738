package dev.eddy.scheduler;

/**
 * A task attempt began on a task thread, as Spark's {@code SparkListenerTaskStart}. Immutable.
 *
 * @param taskInfo the attempt, {@link TaskInfo.Status#RUNNING}
 */
public record TaskStart(int stageId, TaskInfo taskInfo) implements JobEvent {}
