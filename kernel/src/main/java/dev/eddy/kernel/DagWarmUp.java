package dev.eddy.kernel;

import dev.eddy.dag.Dag;

/**
 * Lays out and draws a small lineage diagram in the background once the runtime is ready: the
 * first ELK layout loads and initialises its layout algorithms (seconds on a cold JVM), which
 * would otherwise delay the first {@code %dag} or rendered diagram. Starts after start-up, at low
 * priority, so it delays neither {@code kernel_info} nor the first cell's start.
 */
final class DagWarmUp {
  private DagWarmUp() {}

  /** Does the warm-up work on the calling thread (also used to build the class-data archive). */
  static void run() {
    Dag.builder().title("warm-up")
        .node(1, "source", "").node(2, "map", "").node(3, "reduce", "")
        .cluster(1, "stage 1", 1, 2).cluster(2, "stage 2", 3)
        .edge(1, 2).shuffle(2, 3)
        .build().toSvg();
  }

  static void start() {
    Thread t = new Thread(() -> {
      try {
        run();
      } catch (RuntimeException | LinkageError e) {
        // the first diagram will pay the cost instead
      }
    }, "eddy-dag-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }
}
