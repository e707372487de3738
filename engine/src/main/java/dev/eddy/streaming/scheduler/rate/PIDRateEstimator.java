package dev.eddy.streaming.scheduler.rate;

import java.util.OptionalDouble;

/**
 * A proportional-integral-derivative rate estimator, as Spark's {@code PIDRateEstimator}: the
 * error is the last rate minus the rate at which the batch was processed; the integral term is
 * the backlog the scheduling delay reveals, as a rate; the derivative is the error's change per
 * second. The new rate is the last one minus the weighted terms, never below {@code minRate}.
 *
 * <p>The first usable batch only records its processing rate; estimates start with the second.
 * Batches with no records, no processing time, or a time not after the last are ignored. Not
 * thread-safe.
 */
public final class PIDRateEstimator implements RateEstimator {
  private final long batchIntervalMillis;
  private final double proportional;
  private final double integral;
  private final double derivative;
  private final double minRate;
  private boolean firstRun = true;
  private long latestTime = -1;
  private double latestRate = -1;
  private double latestError = -1;

  /**
   * @throws IllegalArgumentException if the interval or minRate is not positive, or a weight is negative
   */
  public PIDRateEstimator(long batchIntervalMillis, double proportional, double integral, double derivative, double minRate) {
    check(batchIntervalMillis > 0, "the batch interval must be positive, not " + batchIntervalMillis + " ms");
    check(proportional >= 0, "eddy.streaming.backpressure.pid.proportional must be >= 0, not " + proportional);
    check(integral >= 0, "eddy.streaming.backpressure.pid.integral must be >= 0, not " + integral);
    check(derivative >= 0, "eddy.streaming.backpressure.pid.derived must be >= 0, not " + derivative);
    check(minRate > 0, "eddy.streaming.backpressure.pid.minRate must be > 0, not " + minRate);
    this.batchIntervalMillis = batchIntervalMillis;
    this.proportional = proportional;
    this.integral = integral;
    this.derivative = derivative;
    this.minRate = minRate;
  }

  @Override
  public OptionalDouble compute(long time, long elements, long processingDelay, long schedulingDelay) {
    if (time <= latestTime || elements <= 0 || processingDelay <= 0) {
      return OptionalDouble.empty();
    }
    double secondsSinceUpdate = (time - latestTime) / 1000.0;
    double processingRate = elements / (double) processingDelay * 1000;
    double error = latestRate - processingRate;
    double historicalError = schedulingDelay * processingRate / batchIntervalMillis;
    double dError = (error - latestError) / secondsSinceUpdate;
    double newRate = Math.max(
        latestRate - proportional * error - integral * historicalError - derivative * dError, minRate);
    latestTime = time;
    if (firstRun) {
      latestRate = processingRate;
      latestError = 0;
      firstRun = false;
      return OptionalDouble.empty();
    }
    latestRate = newRate;
    latestError = error;
    return OptionalDouble.of(newRate);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
