package dev.eddy.streaming.scheduler;

/** A batch's first job started running. */
public record BatchStarted(BatchInfo batchInfo) {}
