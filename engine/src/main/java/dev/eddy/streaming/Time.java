package dev.eddy.streaming;

import java.io.Serializable;

/**
 * A point in time in milliseconds, as Spark Streaming's {@code Time}: every batch is identified
 * by the time at which it was cut. Prints as {@code 1500 ms}, as Spark does. Immutable.
 */
public record Time(long milliseconds) implements Serializable, Comparable<Time> {
  /** Returns this time plus {@code d}. */
  public Time plus(Duration d) {
    return new Time(milliseconds + d.milliseconds());
  }

  /** Returns this time minus {@code d}. */
  public Time minus(Duration d) {
    return new Time(milliseconds - d.milliseconds());
  }

  /** Returns the span from {@code earlier} to this time. */
  public Duration minus(Time earlier) {
    return new Duration(milliseconds - earlier.milliseconds);
  }

  /** Returns whether this time is a whole multiple of {@code d} after time 0. */
  public boolean isMultipleOf(Duration d) {
    return d.milliseconds() != 0 && milliseconds % d.milliseconds() == 0;
  }

  public boolean less(Time t) {
    return milliseconds < t.milliseconds;
  }

  public boolean greater(Time t) {
    return milliseconds > t.milliseconds;
  }

  @Override
  public int compareTo(Time o) {
    return Long.compare(milliseconds, o.milliseconds);
  }

  @Override
  public String toString() {
    return milliseconds + " ms";
  }
}
