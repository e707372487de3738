package dev.eddy.kernel;

import dev.eddy.EddyContext;
import dev.eddy.streaming.StreamingContext;
import java.util.function.Consumer;

/**
 * What cells reach of the kernel: the start-up snippets bind {@code sc}, {@code ssc} and {@code
 * display(Object)} through these static methods.
 *
 * <p>Public and in a named package because JShell's snippets (package {@code REPL}) can only see
 * public types of named packages.
 */
public final class Bindings {
  private static volatile EngineSession session;
  private static volatile Consumer<Object> display = value -> {};

  private Bindings() {}

  static void install(EngineSession engine, Consumer<Object> displayer) {
    session = engine;
    display = displayer;
  }

  /** Returns the notebook's engine context. */
  public static EddyContext sc() {
    return require().sc();
  }

  /** Returns the notebook's streaming context (one-second batches). */
  public static StreamingContext ssc() {
    return require().ssc();
  }

  /** Shows {@code value} in the running cell, rendered like a cell's value. */
  public static void display(Object value) {
    display.accept(value);
  }

  private static EngineSession require() {
    EngineSession s = session;
    if (s == null) {
      throw new IllegalStateException("the kernel's engine session is not ready");
    }
    return s;
  }
}
