package dev.eddy.scheduler;

/** A stage's tasks are about to run, as Spark's {@code SparkListenerStageSubmitted}. Immutable. */
public record StageSubmitted(StageInfo stageInfo) implements JobEvent {}
