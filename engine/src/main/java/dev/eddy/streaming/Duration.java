package dev.eddy.streaming;

import java.io.Serializable;

/**
 * A span of time in milliseconds, as Spark Streaming's {@code Duration}: batch intervals, window
 * lengths and slides. Create one with {@link Durations}. Immutable.
 */
public record Duration(long milliseconds) implements Serializable, Comparable<Duration> {
  public Duration {
    if (milliseconds < 0) {
      throw new IllegalArgumentException("a duration cannot be negative: " + milliseconds + " ms");
    }
  }

  /** Returns whether this duration is a whole multiple of {@code other}. */
  public boolean isMultipleOf(Duration other) {
    return other.milliseconds != 0 && milliseconds % other.milliseconds == 0;
  }

  /** Returns this duration plus {@code other}. */
  public Duration plus(Duration other) {
    return new Duration(milliseconds + other.milliseconds);
  }

  /** Returns this duration times {@code times}. */
  public Duration times(int times) {
    return new Duration(milliseconds * times);
  }

  @Override
  public int compareTo(Duration o) {
    return Long.compare(milliseconds, o.milliseconds);
  }

  @Override
  public String toString() {
    return milliseconds + " ms";
  }
}
