package dev.eddy.streaming.scheduler.rate;

import java.util.OptionalDouble;

/**
 * Proposes how many records per second a stream should ingest, from how the last batches went,
 * as Spark's {@code RateEstimator}. Implementations need not be thread-safe; a
 * {@code RateController} calls its estimator from one thread.
 */
public interface RateEstimator {
  /**
   * Returns the new rate, or empty when there is no new estimate.
   *
   * @param time the batch's time in ms
   * @param elements records the batch read from the stream
   * @param processingDelay ms the batch's jobs took
   * @param schedulingDelay ms the batch waited for earlier batches
   */
  OptionalDouble compute(long time, long elements, long processingDelay, long schedulingDelay);
}
