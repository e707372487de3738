package dev.eddy.streaming.scheduler;

/** A batch finished, successfully or not ({@link BatchInfo#failureReason()}). */
public record BatchCompleted(BatchInfo batchInfo) {}
