package dev.eddy.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Maps a stack frame of snippet code as the JVM reports it (JShell's wrapper class and a line of
 * the generated wrapper source) to the snippet and the line within it.
 *
 * <p>JShell does this only for exceptions thrown by {@code eval} itself. A lambda that fails later,
 * in a stream's batch on an engine thread, leaves raw frames such as {@code
 * REPL.$JShell$31.lambda$do_it$0($JShell$31.java:6)}. JShell's own map is not public API: it is
 * read reflectively, which needs {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED} (the
 * kernelspec passes it). Without it, or on a JDK whose internals differ, {@link #locate} answers
 * null and frames stay raw. Thread-safe as far as JShell's map is (call under the shell lock).
 */
final class WrapperLines {
  /** A line of a snippet. */
  record Location(String snippetId, int line) {}

  private final Object outerMap;
  private final Method getOuter;

  WrapperLines(JShell shell) {
    Object map = null;
    Method lookup = null;
    try {
      Field field = JShell.class.getDeclaredField("outerMap");
      field.setAccessible(true);
      map = field.get(shell);
      lookup = map.getClass().getDeclaredMethod("getOuter", String.class);
      lookup.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      map = null;
      lookup = null;
    }
    this.outerMap = map;
    this.getOuter = lookup;
  }

  /** Whether JShell's internals could be reached. */
  boolean available() {
    return outerMap != null;
  }

  /** Returns the snippet line of {@code wrapperLine} (1-based) of class {@code className}, or null. */
  Location locate(String className, int wrapperLine) {
    if (outerMap == null || wrapperLine <= 0) {
      return null;
    }
    try {
      Object outer = getOuter.invoke(outerMap, className);
      if (outer == null) {
        return null;
      }
      Method toSnippet = outer.getClass().getMethod("wrapLineToSnippet", int.class);
      Method toLine = outer.getClass().getMethod("wrapLineToSnippetLine", int.class);
      toSnippet.setAccessible(true);
      toLine.setAccessible(true);
      Snippet snippet = (Snippet) toSnippet.invoke(outer, wrapperLine - 1);
      int line = (Integer) toLine.invoke(outer, wrapperLine - 1) + 1;
      return snippet == null ? null : new Location(snippet.id(), line);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
