package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.StreamingContext;

/**
 * A streaming context was stopped; no further events follow for it.
 *
 * @param context the context that stopped
 * @param time wall-clock millis of the stop
 */
public record StreamingStopped(StreamingContext context, long time) {}
