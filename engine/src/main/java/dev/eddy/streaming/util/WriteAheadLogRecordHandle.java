package dev.eddy.streaming.util;

import java.io.Serializable;

/**
 * Where a {@link WriteAheadLog} stored one record, as Spark's {@code WriteAheadLogRecordHandle}:
 * kept by the block tracker (and so in checkpoints) to read the record back. Implementations are
 * immutable values.
 */
public interface WriteAheadLogRecordHandle extends Serializable {}
