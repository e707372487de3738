package dev.eddy.kernel;

import dev.eddy.streaming.Time;
import dev.eddy.streaming.scheduler.OutputRows;
import java.util.List;
import java.util.Map;

/**
 * Renders a dummy live view in the background once the runtime is ready: Tablesaw's first use
 * scans the class path for readers and writers (about half a second) and its HTML writer loads
 * jsoup, which would otherwise delay a stream's first live view.
 */
final class TablesawWarmUp {
  private TablesawWarmUp() {}

  /** Does the warm-up work on the calling thread (also used to build the class-data archive). */
  static void run() {
    OutputRows rows = new OutputRows(new Time(0), 0, "warm-up", List.of("x"), false);
    LiveViewRenderer.render(new LiveView.Snapshot(true, 0, null, 0, 0, Map.of(0, rows)));
  }

  static void start() {
    Thread t = new Thread(() -> {
      try {
        run();
      } catch (RuntimeException | LinkageError e) {
        // the first live view will pay the cost instead
      }
    }, "eddy-tablesaw-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }
}
