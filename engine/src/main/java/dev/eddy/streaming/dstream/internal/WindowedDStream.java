package dev.eddy.streaming.dstream.internal;

import dev.eddy.rdd.RDD;
import dev.eddy.rdd.internal.UnionRDD;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code window}: at each multiple of its slide, the union of the parent's RDDs of the last
 * window length, as Spark's {@code WindowedDStream}. The parent's RDDs are persisted (in memory,
 * deserialized, unless the parent has a level) since consecutive windows share them, and the
 * parent remembers them for the window's length. Thread-safe.
 */
public final class WindowedDStream<T> extends DStream<T> {
  private final DStream<T> parent;
  private final Duration windowDuration;
  private final Duration slide;

  /** @throws IllegalArgumentException if the window or slide is not a multiple of the parent's slide */
  public WindowedDStream(DStream<T> parent, Duration windowDuration, Duration slideDuration) {
    super(parent.context());
    validate(parent, windowDuration, slideDuration);
    this.parent = parent;
    this.windowDuration = windowDuration;
    this.slide = slideDuration;
    if (!parent.storageLevel().isValid()) {
      parent.persist(StorageLevel.MEMORY_ONLY);
    }
  }

  /** Checks a window over {@code parent} as Spark does, with Spark's messages. */
  public static void validate(DStream<?> parent, Duration windowDuration, Duration slideDuration) {
    if (windowDuration == null || slideDuration == null) {
      throw new IllegalArgumentException("the window and slide durations must not be null");
    }
    if (!windowDuration.isMultipleOf(parent.slideDuration())) {
      throw new IllegalArgumentException("The window duration of windowed DStream (" + windowDuration
          + ") must be a multiple of the slide duration of parent DStream (" + parent.slideDuration() + ")");
    }
    if (!slideDuration.isMultipleOf(parent.slideDuration())) {
      throw new IllegalArgumentException("The slide duration of windowed DStream (" + slideDuration
          + ") must be a multiple of the slide duration of parent DStream (" + parent.slideDuration() + ")");
    }
  }

  /** Returns the window's length. */
  public Duration windowDuration() {
    return windowDuration;
  }

  /** Returns {@code "window(30 s, 10 s)"}: the window's length and slide. */
  @Override
  public String operatorName() {
    return "window(" + DStreamDag.duration(windowDuration) + ", " + DStreamDag.duration(slide) + ")";
  }

  @Override
  public Duration slideDuration() {
    return slide;
  }

  @Override
  public List<DStream<?>> dependencies() {
    return List.of(parent);
  }

  @Override
  protected Duration parentRememberDuration() {
    return rememberDuration().plus(windowDuration);
  }

  @Override
  public Optional<RDD<T>> compute(Time validTime) {
    Time begin = validTime.minus(windowDuration).plus(parent.slideDuration());
    List<RDD<T>> rdds = parent.slice(begin, validTime);
    var sc = context().sparkContext();
    // a union even of one RDD: the window's RDD must not be the parent's, which it may persist
    return Optional.of(rdds.isEmpty() ? sc.emptyRDD() : new UnionRDD<>(sc, rdds));
  }
}
