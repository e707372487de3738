package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.Time;
import java.util.List;

/**
 * The first rows an output operation such as {@code DStream.print(n)} produced for a batch, so that
 * a front end (the kernel's live view) can show them as a table instead of text.
 *
 * @param batchTime the batch the rows belong to
 * @param outputOpId the output operation's id, unique within its context
 * @param description what produced the rows, e.g. {@code "print at ReducedDStream [3]"}
 * @param rows the first rows, in order; elements are the stream's values ({@code Tuple2} for pairs)
 * @param hasMore whether the batch had more rows than {@code rows} holds
 */
public record OutputRows(Time batchTime, int outputOpId, String description, List<Object> rows, boolean hasMore) {}
