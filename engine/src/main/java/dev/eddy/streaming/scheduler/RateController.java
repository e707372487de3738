package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.scheduler.rate.RateEstimator;
import java.util.function.LongConsumer;

/**
 * Adapts one input stream's ingestion rate to how fast its batches are processed, as Spark's
 * {@code RateController}: on each completed batch it feeds the stream's record count and the
 * batch's delays to a {@link RateEstimator} and publishes any new rate (to the stream's receiver
 * rate limit). It listens on the context's listener thread. Thread-safe.
 */
public final class RateController implements StreamingListener {
  private final int streamId;
  private final RateEstimator estimator;
  private final LongConsumer publish;
  private volatile long latestRate = -1;

  /** @param publish receives each new rate in records per second */
  public RateController(int streamId, RateEstimator estimator, LongConsumer publish) {
    this.streamId = streamId;
    this.estimator = estimator;
    this.publish = publish;
  }

  /** Returns the last rate published, or -1 before the first. */
  public long latestRate() {
    return latestRate;
  }

  @Override
  public void onBatchCompleted(BatchCompleted event) {
    BatchInfo info = event.batchInfo();
    StreamInputInfo input = info.streamIdToInputInfo().get(streamId);
    if (input == null || info.processingDelay().isEmpty() || info.schedulingDelay().isEmpty()) {
      return;
    }
    synchronized (this) {
      estimator.compute(
              info.batchTime().milliseconds(), input.numRecords(), info.processingDelay().get(),
              info.schedulingDelay().get())
          .ifPresent(rate -> {
            latestRate = (long) rate;
            publish.accept(latestRate);
          });
    }
  }
}
