package dev.eddy.accumulator;

/**
 * Sums {@code long}s and counts them, as Spark's {@code LongAccumulator}; made with {@code
 * sc.longAccumulator(name)}. Thread-safe.
 */
public final class LongAccumulator extends AccumulatorV2<Long, Long> {
  private static final long serialVersionUID = 1L;

  private long sum;
  private long count;

  @Override
  public synchronized boolean isZero() {
    return sum == 0 && count == 0;
  }

  @Override
  public synchronized LongAccumulator copy() {
    LongAccumulator copy = new LongAccumulator();
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
  public void add(Long v) {
    add(v.longValue());
  }

  /** Adds {@code v}: to the task's copy on a task thread. */
  public void add(long v) {
    LongAccumulator target = target();
    synchronized (target) {
      target.sum += v;
      target.count++;
    }
  }

  @Override
  public void merge(AccumulatorV2<Long, Long> other) {
    if (!(other instanceof LongAccumulator o)) {
      throw new UnsupportedOperationException(
          "Cannot merge " + getClass().getName() + " with " + other.getClass().getName());
    }
    long otherSum;
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
  public synchronized Long value() {
    return sum;
  }

  /** Returns the sum. */
  public synchronized long sum() {
    return sum;
  }

  /** Returns how many values were added. */
  public synchronized long count() {
    return count;
  }

  /** Returns the mean of the values added; NaN if none. */
  public synchronized double avg() {
    return (double) sum / count;
  }
}
