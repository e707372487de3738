package dev.eddy.streaming;

/** Factories for {@link Duration}, named as Spark's {@code Durations}: {@code Durations.seconds(1)}. */
public final class Durations {
  private Durations() {}

  public static Duration milliseconds(long milliseconds) {
    return new Duration(milliseconds);
  }

  public static Duration seconds(long seconds) {
    return new Duration(seconds * 1000L);
  }

  public static Duration minutes(long minutes) {
    return new Duration(minutes * 60_000L);
  }
}
