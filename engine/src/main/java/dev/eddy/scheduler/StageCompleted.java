package dev.eddy.scheduler;

/**
 * A stage ended, as Spark's {@code SparkListenerStageCompleted}: every task succeeded, or
 * {@link StageInfo#failureReason()} says why not. Immutable.
 */
public record StageCompleted(StageInfo stageInfo) implements JobEvent {}
