package dev.eddy.storage;

/**
 * A snapshot of a {@link BlockManager}'s counters and usage, read with {@code
 * sc.blockManager().metrics()}. Immutable.
 *
 * @param hits cached RDD partitions read from a store instead of computed
 * @param misses cached RDD partitions computed because no copy was stored (first use or evicted)
 * @param evictions block copies pushed out of memory to make room (dropped, or moved to disk)
 * @param memoryUsedBytes estimated heap bytes of the blocks in memory
 * @param memoryMaxBytes the memory budget, {@code eddy.storage.memory.bytes}
 * @param diskUsedBytes bytes of the block files on disk
 * @param blocks blocks with at least one stored copy
 */
public record StorageMetrics(
    long hits,
    long misses,
    long evictions,
    long memoryUsedBytes,
    long memoryMaxBytes,
    long diskUsedBytes,
    int blocks) {}
