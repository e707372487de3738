package dev.eddy.kernel;

import dev.eddy.EddyContext;
import dev.eddy.streaming.StreamingContext;

/**
 * What cells reach of the kernel: the start-up snippets bind {@code sc}, {@code ssc}, {@code
 * display(Object)}, {@code clearOutput()}, {@code html(String)}, {@code markdown(String)} and
 * {@code svg(String)} through these static methods.
 *
 * <p>Public and in a named package because JShell's snippets (package {@code REPL}) can only see
 * public types of named packages. Thread-safe.
 */
public final class Bindings {
  private static volatile EngineSession session;
  private static volatile Displays displays;

  private Bindings() {}

  static void install(EngineSession engine, Displays shown) {
    session = engine;
    displays = shown;
  }

  /** Returns the notebook's engine context. */
  public static EddyContext sc() {
    return require().sc();
  }

  /**
   * Returns the notebook's streaming context (one-second batches, wall-clock time). It may be
   * stopped and started again: outputs defined after a stop replace the previous run's.
   */
  public static StreamingContext ssc() {
    return require().ssc();
  }

  /**
   * Shows {@code value} in the running cell, rendered like a cell's value, and returns a handle to
   * update or clear that output later, from any thread.
   */
  public static DisplayHandle display(Object value) {
    Displays d = displays;
    if (d == null) {
      throw new IllegalStateException("the kernel's displays are not ready");
    }
    return d.show(value);
  }

  /** Clears the running cell's output so far. */
  public static void clearOutput() {
    Displays d = displays;
    if (d != null) {
      d.clearOutput();
    }
  }

  /** Wraps an HTML fragment so that it is shown as HTML. */
  public static Html html(String source) {
    return new Html(source);
  }

  /** Wraps Markdown text so that it is shown rendered. */
  public static Markdown markdown(String source) {
    return new Markdown(source);
  }

  /** Wraps an SVG document so that it is shown as an image. */
  public static Svg svg(String source) {
    return new Svg(source);
  }

  private static EngineSession require() {
    EngineSession s = session;
    if (s == null) {
      throw new IllegalStateException("the kernel's engine session is not ready");
    }
    return s;
  }
}
