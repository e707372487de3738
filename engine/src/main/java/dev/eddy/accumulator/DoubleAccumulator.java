package dev.eddy.accumulator;

/**
 * Sums {@code double}s and counts them, as Spark's {@code DoubleAccumulator}; made with {@code
 * sc.doubleAccumulator(name)}. Thread-safe.
 */
public final class DoubleAccumulator extends AccumulatorV2<Double, Double> {
  private static final long serialVersionUID = 1L;

  private double sum;
  private long count;

  @Override
  public synchronized boolean isZero() {
    return sum == 0 && count == 0;
  }

  @Override
  public synchronized DoubleAccumulator copy() {
    DoubleAccumulator copy = new DoubleAccumulator();
    copy.sum = sum;
    copy.count = count;
    return copy;
  }

  @Override
  public synchronized void reset() {
    sum = 0;
    count = 0;
  }

  @Override
  public void add(Double v) {
    add(v.doubleValue());
  }

  /** Adds {@code v}: to the task's copy on a task thread. */
  public void add(double v) {
    DoubleAccumulator target = target();
    synchronized (target) {
      target.sum += v;
      target.count++;
    }
  }

  @Override
  public void merge(AccumulatorV2<Double, Double> other) {
    if (!(other instanceof DoubleAccumulator o)) {
      throw new UnsupportedOperationException(
          "Cannot merge " + getClass().getName() + " with " + other.getClass().getName());
    }
    double otherSum;
    long otherCount;
    synchronized (o) {
      otherSum = o.sum;
      otherCount = o.count;
    }
    synchronized (this) {
      sum += otherSum;
      count += otherCount;
    }
  }

  /** Returns the sum. */
  @Override
  public synchronized Double value() {
    return sum;
  }

  /** Returns the sum. */
  public synchronized double sum() {
    return sum;
  }

  /** Returns how many values were added. */
  public synchronized long count() {
    return count;
  }

  /** Returns the mean of the values added; NaN if none. */
  public synchronized double avg() {
    return sum / count;
  }
}
