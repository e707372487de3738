package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.Time;
import java.util.Map;
import java.util.Optional;

/**
 * What is known about one batch, as Spark's {@code BatchInfo}: when it was cut, how many records
 * it read (in total and per input stream), when it was submitted, started and finished, and why it
 * failed if it did. Immutable; a batch goes through several of these as it progresses.
 *
 * @param batchTime the time the batch was cut; identifies the batch
 * @param numRecords records read by all input streams for this batch
 * @param submissionTime wall-clock millis when the batch's jobs were submitted
 * @param processingStartTime millis when its first job started, empty until then
 * @param processingEndTime millis when its last job ended, empty until then
 * @param failureReason the first error of a failed batch, empty when it succeeded or runs
 * @param streamIdToInputInfo what each input stream read, by input stream id
 */
public record BatchInfo(
    Time batchTime,
    long numRecords,
    long submissionTime,
    Optional<Long> processingStartTime,
    Optional<Long> processingEndTime,
    Optional<String> failureReason,
    Map<Integer, StreamInputInfo> streamIdToInputInfo) {

  public BatchInfo {
    streamIdToInputInfo = Map.copyOf(streamIdToInputInfo);
  }

  /** Creates the info of a batch whose input streams report no per-stream details. */
  public BatchInfo(
      Time batchTime,
      long numRecords,
      long submissionTime,
      Optional<Long> processingStartTime,
      Optional<Long> processingEndTime,
      Optional<String> failureReason) {
    this(batchTime, numRecords, submissionTime, processingStartTime, processingEndTime, failureReason, Map.of());
  }

  /** Returns how long the batch waited for earlier batches before it started (Spark's name). */
  public Optional<Long> schedulingDelay() {
    return processingStartTime.map(start -> start - submissionTime);
  }

  /** Returns how long the batch's jobs ran, from first start to last end. */
  public Optional<Long> processingDelay() {
    return processingEndTime.flatMap(end -> processingStartTime.map(start -> end - start));
  }

  /** Returns scheduling delay plus processing delay. */
  public Optional<Long> totalDelay() {
    return processingEndTime.map(end -> end - submissionTime);
  }

  /** Returns whether the batch finished without error. */
  public boolean succeeded() {
    return processingEndTime.isPresent() && failureReason.isEmpty();
  }
}
