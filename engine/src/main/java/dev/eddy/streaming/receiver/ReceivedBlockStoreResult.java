package dev.eddy.streaming.receiver;

import dev.eddy.storage.BlockId;

/**
 * What a {@link ReceivedBlockHandler} stored, as Spark's {@code ReceivedBlockStoreResult}: the
 * block and its number of records. A write-ahead-log handler would add where the log holds it.
 * Immutable.
 */
public record ReceivedBlockStoreResult(BlockId.Stream blockId, long numRecords) {}
