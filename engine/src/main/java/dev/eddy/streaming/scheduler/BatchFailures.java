package dev.eddy.streaming.scheduler;

/** Turns a batch's exception into one readable line: the exception, and where user code threw. */
final class BatchFailures {
  private BatchFailures() {}

  /**
   * Returns {@code "<exception>"} followed by {@code " (at <frame>)"}, the first stack frame of
   * the innermost cause, which is usually the user's line.
   */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    StackTraceElement[] trace = root.getStackTrace();
    String where = trace.length == 0 ? "" : " (at " + trace[0] + ")";
    return e + where;
  }
}
