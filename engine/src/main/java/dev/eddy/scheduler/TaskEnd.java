package dev.eddy.scheduler;

/**
 * A task attempt ended, as Spark's {@code SparkListenerTaskEnd}. Immutable.
 *
 * @param taskType {@code "ShuffleMapTask"} or {@code "ResultTask"}, as Spark
 * @param taskInfo the attempt, with its end status and error
 * @param taskMetrics what the attempt read, wrote and how long it ran; counted up to its failure
 *     for a failed attempt
 */
public record TaskEnd(int stageId, String taskType, TaskInfo taskInfo, TaskMetrics taskMetrics) implements JobEvent {}
