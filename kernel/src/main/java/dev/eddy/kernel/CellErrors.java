package dev.eddy.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns what went wrong in a cell into a {@link CellError} whose traceback points at cell lines:
 * compile diagnostics with the offending source line and a caret, runtime exceptions with the
 * frames of user code only, each mapped to a cell and line.
 */
final class CellErrors {
  static final String COMPILATION = "CompilationException";
  static final String INTERRUPTED = "Interrupted";
  private static final int MAX_LIBRARY_FRAMES = 6;

  private final SnippetLocations locations;

  CellErrors(SnippetLocations locations) {
    this.locations = locations;
  }

  /** A snippet that did not compile: one block per error diagnostic. */
  CellError compilation(String cell, CellSnippet snippet, List<Diag> diagnostics) {
    List<String> traceback = new ArrayList<>();
    String summary = null;
    for (Diag diag : diagnostics) {
      if (!diag.isError()) {
        continue;
      }
      long position = diag.getStartPosition() >= 0 ? diag.getStartPosition() : diag.getPosition();
      int offset = snippet.offset() + (int) Math.max(0, Math.min(position, snippet.source().length()));
      int line = SnippetLocations.lineOf(cell, offset);
      String message = withoutWrapperLocation(diag.getMessage(Locale.ROOT));
      String first = "line " + line + ": " + firstLine(message);
      summary = summary == null ? first : summary;
      traceback.add(first + restOf(message));
      traceback.add(sourceWithCaret(cell, offset));
    }
    if (summary == null) {
      summary = "the cell does not compile";
      traceback.add(summary);
    }
    traceback.add(0, COMPILATION + ": " + summary);
    return new CellError(COMPILATION, summary, traceback);
  }

  /** A declaration that refers to names not defined yet (JShell's RECOVERABLE_NOT_DEFINED). */
  CellError unresolved(String cell, CellSnippet snippet, String what, List<String> missing) {
    int line = SnippetLocations.lineOf(cell, snippet.offset());
    String summary = "line " + line + ": " + what + " refers to undefined " + String.join(", ", missing);
    return new CellError(COMPILATION, summary,
        List.of(COMPILATION + ": " + summary, sourceWithCaret(cell, snippet.offset())));
  }

  /** The cell was interrupted by the user. */
  static CellError interrupted() {
    String summary = "the cell was interrupted";
    return new CellError(INTERRUPTED, summary,
        List.of(INTERRUPTED + ": " + summary + " (streams started earlier keep running)"));
  }

  /** Kernel-side trouble that is not the cell's fault, e.g. a failed start-up. */
  static CellError internal(String what, Throwable cause) {
    String summary = what + ": " + cause;
    return new CellError("KernelError", summary, List.of("KernelError: " + summary));
  }

  /** An exception thrown by the cell's code (or by code it called). */
  CellError runtime(JShellException exception, int executionCount) {
    String name = exceptionName(exception);
    String message = exception.getMessage() == null ? "" : exception.getMessage();
    List<String> traceback = new ArrayList<>();
    traceback.add(message.isEmpty() ? name : name + ": " + message);
    traceback.addAll(frames(exception.getStackTrace(), executionCount));
    Throwable cause = exception.getCause();
    while (cause != null) {
      String causeName = cause instanceof JShellException j ? exceptionName(j) : cause.getClass().getName();
      traceback.add("Caused by: " + causeName + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
      traceback.addAll(frames(cause.getStackTrace(), executionCount));
      cause = cause.getCause();
    }
    String where = firstCellLine(exception.getStackTrace(), executionCount);
    return new CellError(name, where == null ? message : message + " (at " + where + ")", traceback);
  }

  private static String exceptionName(JShellException exception) {
    if (exception instanceof EvalException eval) {
      return eval.getExceptionClassName();
    }
    if (exception instanceof UnresolvedReferenceException) {
      return "UnresolvedReferenceException";
    }
    return exception.getClass().getName();
  }

  /** Keeps frames down to the last frame of snippet code, dropping JShell's own frames below. */
  private List<String> frames(StackTraceElement[] stack, int executionCount) {
    int lastUser = -1;
    for (int i = 0; i < stack.length; i++) {
      if (isSnippetFrame(stack[i])) {
        lastUser = i;
      }
    }
    List<String> lines = new ArrayList<>();
    int library = 0;
    for (int i = 0; i <= lastUser; i++) {
      StackTraceElement frame = stack[i];
      if (isSnippetFrame(frame)) {
        lines.add("    at " + describeSnippetFrame(frame, executionCount));
        library = 0;
      } else if (library++ < MAX_LIBRARY_FRAMES) {
        lines.add("    at " + frame);
      } else if (library == MAX_LIBRARY_FRAMES + 1) {
        lines.add("    ...");
      }
    }
    return lines;
  }

  private String firstCellLine(StackTraceElement[] stack, int executionCount) {
    for (StackTraceElement frame : stack) {
      if (isSnippetFrame(frame)) {
        return where(frame, executionCount);
      }
    }
    return null;
  }

  private static boolean isSnippetFrame(StackTraceElement frame) {
    return frame.getFileName() != null && frame.getFileName().startsWith("#");
  }

  private String describeSnippetFrame(StackTraceElement frame, int executionCount) {
    String method = frame.getMethodName();
    boolean topLevel = method == null || method.isEmpty() || method.startsWith("do_it$");
    String where = where(frame, executionCount);
    return topLevel ? where : readableMethod(method) + " (" + where + ")";
  }

  /** "line 2 of cell [4]" for a line of a snippet, null for start-up snippets and unknown ids. */
  String cellLine(String snippetId, int snippetLine) {
    SnippetLocations.Origin origin = locations.origin(snippetId);
    if (origin == null) {
      return null;
    }
    return "line " + (origin.firstLine() + Math.max(snippetLine, 1) - 1) + " of cell [" + origin.executionCount() + "]";
  }

  /** "line 3 of the cell" or "line 2 of cell [4]", from a snippet frame. */
  private String where(StackTraceElement frame, int executionCount) {
    SnippetLocations.Origin origin = locations.origin(frame.getFileName().substring(1));
    if (origin == null) {
      return "kernel start-up code";
    }
    int line = origin.firstLine() + Math.max(frame.getLineNumber(), 1) - 1;
    return origin.executionCount() == executionCount
        ? "line " + line + " of the cell"
        : "line " + line + " of cell [" + origin.executionCount() + "]";
  }

  private static String readableMethod(String method) {
    return method.startsWith("lambda$") ? "a lambda" : method + "()";
  }

  /** Drops the "location: class" line that names JShell's (nameless) wrapper class. */
  private static String withoutWrapperLocation(String message) {
    return message.replaceAll("\\n\\s*location: class\\s*(?=\\n|$)", "");
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static String restOf(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? "" : message.substring(nl);
  }

  /** The cell line holding {@code offset}, and a caret under the offending column. */
  private static String sourceWithCaret(String cell, int offset) {
    int start = cell.lastIndexOf('\n', offset - 1) + 1;
    int end = cell.indexOf('\n', offset);
    String line = cell.substring(start, end < 0 ? cell.length() : end);
    int column = Math.max(0, offset - start);
    return "    " + line + "\n    " + " ".repeat(Math.min(column, line.length())) + "^";
  }
}
