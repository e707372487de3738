package dev.eddy.kernel;

import java.io.PrintStream;
import java.util.List;
import java.util.logging.Logger;

/**
 * Runs a few throwaway cells in a JShell of its own while the kernel waits for its first cell, so
 * that the compiler code every cell goes through (JShell's parse, analysis and class generation,
 * javac under them) is already compiled by the JIT when the user's first cells come. Cold, the
 * first trivial cells take several hundred milliseconds each.
 *
 * <p>The user's session is untouched: the warm-up has its own JShell (no {@code $N} variables or
 * snippet numbers are used up in the user's) and is thrown away afterwards. It runs only while the
 * kernel is idle: {@link #stop()}, called when a cell is requested, ends it before its next cell,
 * and it does not start at all if a cell came first. Thread-safe.
 */
final class CompilerWarmUp {
  private static final Logger LOG = Logger.getLogger(CompilerWarmUp.class.getName());

  /**
   * The kinds of cell users write: expressions (a temporary variable each), declarations,
   * statements, lambdas and streams, a compile error and an unresolved name.
   */
  static final List<String> CELLS = List.of(
      "1 + 1",
      "int warm = 2;",
      "warm * 3",
      "String greet(String name) { return \"hi \" + name; }",
      "greet(\"you\")",
      "java.util.List.of(1, 2, 3).stream().map(i -> i * 2).toList()",
      "for (int i = 0; i < 3; i++) { warm += i; }",
      "record Point(int x, int y) {}\nnew Point(1, 2)",
      "int broken = \"text\";",
      "undefinedName + 1");

  /**
   * Cells run in all: the list once. Measured in-process, these ten took a cell's median CPU time
   * from about 34 ms to 23 ms, and twenty or forty did no better; on a loaded machine twenty took
   * 6–8 s of background time, during which a first cell would share the CPU with them.
   */
  static final int EVALUATIONS = CELLS.size();

  private volatile boolean stopped;

  /** Starts the warm-up on a background thread, unless {@link #stop()} came first. */
  void start(PrintStream log) {
    if (stopped) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        long start = System.nanoTime();
        int cells = run(log);
        LOG.info(() -> String.format("compiler warm-up: %d cells in %d ms", cells, (System.nanoTime() - start) / 1_000_000));
      } catch (RuntimeException | LinkageError e) {
        // the first cells will pay the cost instead
      }
    }, "eddy-compiler-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** Ends the warm-up before its next cell; called when the user's first cell is requested. */
  void stop() {
    stopped = true;
  }

  /**
   * Runs the warm-up on the calling thread until done or stopped; returns how many cells it ran.
   * {@code log} receives JShell's own diagnostics.
   */
  int run(PrintStream log) {
    int count = 0;
    try (JShellEvaluator evaluator = new JShellEvaluator(log)) {
      while (count < EVALUATIONS && !stopped) {
        evaluator.evaluate(CELLS.get(count % CELLS.size()), count + 1);
        count++;
      }
    }
    return count;
  }
}
