package dev.eddy.shuffle;

/**
 * The shuffle's spill counters, read with {@code sc.shuffleManager().metrics()}. Immutable.
 *
 * @param spills map outputs written to disk because they exceeded the memory budget
 * @param recordsSpilled records in those outputs
 * @param bytesSpilled serialized bytes written
 * @param memoryUsedBytes estimated heap bytes of the map outputs held in memory now
 */
public record ShuffleSpillMetrics(long spills, long recordsSpilled, long bytesSpilled, long memoryUsedBytes) {}
