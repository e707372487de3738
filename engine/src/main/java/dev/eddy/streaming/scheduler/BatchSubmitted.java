package dev.eddy.streaming.scheduler;

/** A batch's jobs were generated and queued. */
public record BatchSubmitted(BatchInfo batchInfo) {}
