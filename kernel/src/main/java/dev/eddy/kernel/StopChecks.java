package dev.eddy.kernel;

import java.lang.reflect.Method;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;

/**
 * JShell's own way of stopping a busy snippet on Java 20 and later, where {@code Thread.stop}
 * throws: its local execution rewrites every snippet class so that each method start and each
 * backward jump calls {@code REPL.$Cancel$.stopCheck()}, which throws {@code ThreadDeath} once the
 * static flag {@code allStop} is set.
 *
 * <p>The kernel runs snippets on its own worker thread (see {@link WorkerExecutionControl}), so it
 * borrows the two private pieces of that machinery, the bytecode rewriter and the generated
 * {@code $Cancel$} class, by reflection. That needs {@code --add-opens
 * jdk.jshell/jdk.jshell.execution=ALL-UNNAMED} (the kernelspec passes it). Where the pieces are
 * missing — Java 17, whose {@code Thread.stop} still works, or a JDK that renamed them — {@link
 * #available()} is false and snippet classes load unchanged.
 *
 * <p>A set flag also stops snippet code running on engine threads, such as a stream's lambdas:
 * their task fails with the interrupt, as the batch would on Java 17. Thread-safe.
 */
final class StopChecks {
  static final String CANCEL_CLASS = "REPL.$Cancel$";

  private final Method instrument;
  private final Method cancelClass;

  private StopChecks(Method instrument, Method cancelClass) {
    this.instrument = instrument;
    this.cancelClass = cancelClass;
  }

  /** Returns the stop checks of this JVM, unavailable where {@code Thread.stop} still works. */
  static StopChecks forThisJvm() {
    if (Runtime.version().feature() < 20) {
      return new StopChecks(null, null);
    }
    try {
      Method instrument = LocalExecutionControl.class.getDeclaredMethod("instrument", byte[].class);
      Method cancelClass = LocalExecutionControl.class.getDeclaredMethod("genCancelClass");
      instrument.setAccessible(true);
      cancelClass.setAccessible(true);
      return new StopChecks(instrument, cancelClass);
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.err.println("Eddy: on this Java a busy cell cannot be stopped by an interrupt ("
          + e + "); start the kernel with --add-opens=jdk.jshell/jdk.jshell.execution=ALL-UNNAMED");
      return new StopChecks(null, null);
    }
  }

  /** Returns whether snippet classes are rewritten with stop checks. */
  boolean available() {
    return instrument != null;
  }

  /**
   * Returns {@code classes} rewritten with stop checks, preceded by the {@code $Cancel$} class when
   * {@code withCancelClass}; unchanged when unavailable.
   */
  ClassBytecodes[] instrument(ClassBytecodes[] classes, boolean withCancelClass) {
    if (!available()) {
      return classes;
    }
    try {
      ClassBytecodes[] out = new ClassBytecodes[classes.length + (withCancelClass ? 1 : 0)];
      int i = 0;
      if (withCancelClass) {
        out[i++] = (ClassBytecodes) cancelClass.invoke(null);
      }
      for (ClassBytecodes c : classes) {
        out[i++] = new ClassBytecodes(c.name(), (byte[]) instrument.invoke(null, (Object) c.bytecodes()));
      }
      return out;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("rewriting snippet classes with stop checks failed: " + e, e);
    }
  }
}
