package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.StreamingContext;

/**
 * A streaming context was started.
 *
 * @param context the context that started
 * @param time wall-clock millis of the start
 */
public record StreamingStarted(StreamingContext context, long time) {}
