package dev.eddy.scheduler;

/**
 * An event of the job scheduler, as Spark's {@code SparkListenerEvent}; delivered to
 * {@link JobListener}s. Every event is an immutable record.
 */
public sealed interface JobEvent permits JobStart, JobEnd, StageSubmitted, StageCompleted, TaskStart, TaskEnd {}
