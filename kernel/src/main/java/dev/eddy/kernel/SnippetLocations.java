package dev.eddy.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each JShell snippet came from: the cell (by execution count) and the cell line it starts
 * on. Stack frames of snippet code name a snippet id and a line within the snippet; this turns
 * them into cell lines, also for code defined by an earlier cell (a method, a lambda).
 */
final class SnippetLocations {
  /** A snippet's origin: its cell's execution count and the cell line of its first line. */
  record Origin(int executionCount, int firstLine) {}

  private final Map<String, Origin> origins = new ConcurrentHashMap<>();

  void record(String snippetId, int executionCount, int firstLine) {
    origins.put(snippetId, new Origin(executionCount, firstLine));
  }

  /** Returns the origin of a snippet id, or null for start-up snippets and unknown ids. */
  Origin origin(String snippetId) {
    return origins.get(snippetId);
  }

  /** Returns the 1-based line of {@code offset} in {@code text}. */
  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
