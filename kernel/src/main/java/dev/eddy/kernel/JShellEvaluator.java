package dev.eddy.kernel;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * Evaluates cells with one JShell living in the kernel's JVM, so state persists across cells.
 *
 * <p>A cell is cut into snippets ({@link CellSplitter}), evaluated in order, stopping at the first
 * one that fails to compile, cannot be resolved or throws. The value of the cell's last snippet,
 * if it is an expression, is the cell's value. Evaluation must be used from one thread only, the
 * cell worker; {@link #interrupt()} and {@link #analyze} may be called from any thread.
 *
 * <p>JShell is not thread-safe. A lock guards it while it compiles; it is let go while snippet
 * code runs (see {@link WorkerExecutionControl}), so {@link #analyze} waits at most for a
 * compilation, never for a long-running cell.
 */
final class JShellEvaluator implements AutoCloseable {
  private static final long ANALYSIS_WAIT_MS = 2_000;

  private final ReentrantLock shellLock = new ReentrantLock();
  private final WorkerExecutionControl control = new WorkerExecutionControl(shellLock);
  private final JShell shell;
  private final CellSplitter splitter;
  private final SnippetLocations locations = new SnippetLocations();
  private final CellErrors errors = new CellErrors(locations);
  private final CodeAnalysis analysis;
  private final WrapperLines wrapperLines;
  /** A frame of snippet code as the JVM prints it: class, method, wrapper line. */
  private static final Pattern RAW_FRAME =
      Pattern.compile("(REPL\\.\\$JShell\\$[\\w$]*?)\\.([\\w$]+)\\(\\$JShell\\$\\w+\\.java:(\\d+)\\)");
  private volatile boolean interrupted;

  /** Builds the JShell; {@code log} receives JShell's own diagnostics output. */
  JShellEvaluator(PrintStream log) {
    this.shell = JShell.builder()
        .executionEngine(control.provider(), null)
        .out(log)
        .err(log)
        .build();
    // JShell compiles against the kernel's class path (java.class.path) from the start; jars added
    // later go onto JShell's own class path (addToClasspath), never as a compiler option, which
    // would reset the class path of every compilation and hide them. Adding java.class.path again
    // would make every compilation list the kernel's jar twice.
    this.splitter = new CellSplitter(shell.sourceCodeAnalysis());
    this.analysis = new CodeAnalysis(shell.sourceCodeAnalysis());
    this.wrapperLines = new WrapperLines(shell);
  }

  /**
   * Runs {@code question} against the session's code analysis, from any thread; returns {@code
   * fallback} if JShell stays busy compiling for more than {@link #ANALYSIS_WAIT_MS}.
   */
  <T> T analyze(Function<CodeAnalysis, T> question, T fallback) {
    try {
      if (!shellLock.tryLock(ANALYSIS_WAIT_MS, TimeUnit.MILLISECONDS)) {
        return fallback;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallback;
    }
    try {
      return question.apply(analysis);
    } finally {
      shellLock.unlock();
    }
  }

  /**
   * Rewrites raw frames of snippet code in {@code text}, such as {@code
   * REPL.$JShell$31.lambda$do_it$0($JShell$31.java:6)}, to cell lines: {@code a lambda, line 2 of
   * cell [5]}. Frames that cannot be mapped stay as they are. Callable from any thread; returns
   * {@code text} unchanged if JShell is busy compiling.
   */
  String withCellLines(String text) {
    if (!text.contains("$JShell$")) {
      return text;
    }
    return analyze(unused -> {
      Matcher m = RAW_FRAME.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String where = cellLineOfFrame(m.group(1), Integer.parseInt(m.group(3)));
        String method = m.group(2);
        String replacement = where == null ? m.group()
            : (method.startsWith("lambda$") ? "a lambda, " : method.startsWith("do_it$") ? "" : method + "(), ") + where;
        m.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(out);
      return out.toString();
    }, text);
  }

  private String cellLineOfFrame(String className, int wrapperLine) {
    WrapperLines.Location location = wrapperLines.locate(className, wrapperLine);
    if (location == null && className.startsWith("REPL.")) {
      location = wrapperLines.locate(className.substring("REPL.".length()), wrapperLine);
    }
    return location == null ? null : errors.cellLine(location.snippetId(), location.line());
  }

  /** Adds {@code path} (a jar or class directory) to the class path of later snippets. */
  void addToClasspath(String path) {
    shellLock.lock();
    try {
      shell.addToClasspath(path);
    } finally {
      releaseShellLock();
    }
  }

  private void releaseShellLock() {
    while (shellLock.isHeldByCurrentThread()) {
      shellLock.unlock();
    }
  }

  /** Evaluates kernel start-up code (imports, bindings); throws if any of it fails. */
  void evaluateStartup(List<String> snippets) {
    shellLock.lock();
    try {
      evaluateStartupLocked(snippets);
    } finally {
      releaseShellLock();
    }
  }

  private void evaluateStartupLocked(List<String> snippets) {
    for (String source : snippets) {
      for (SnippetEvent event : shell.eval(source)) {
        if (event.causeSnippet() == null && (!event.status().isDefined() || event.exception() != null)) {
          String why = event.exception() != null
              ? String.valueOf(event.exception())
              : shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
          throw new IllegalStateException("start-up snippet failed: " + source + ": " + why);
        }
      }
    }
    control.takeLastValue();
  }

  /** Whether the cell was interrupted since the last {@link #clearInterrupt()}. */
  boolean interrupted() {
    return interrupted;
  }

  /** Forgets an interrupt that came before the cell about to run. */
  void clearInterrupt() {
    interrupted = false;
    control.clearStop();
  }

  /**
   * Evaluates one cell; never throws for anything the cell does. An {@link #interrupt()} since the
   * last {@link #clearInterrupt()} ends it before its next snippet.
   */
  CellResult evaluate(String cell, int executionCount) {
    shellLock.lock();
    try {
      CellResult result = CellResult.nothing();
      for (CellSnippet snippet : splitter.split(cell)) {
        if (interrupted) {
          return CellResult.failed(CellErrors.interrupted());
        }
        result = evaluateSnippet(cell, snippet, executionCount);
        if (interrupted) {
          return CellResult.failed(CellErrors.interrupted());
        }
        if (result.failed()) {
          return result;
        }
      }
      return result;
    } catch (ThreadDeath | RuntimeException e) {
      return CellResult.failed(interrupted ? CellErrors.interrupted() : CellErrors.internal("JShell failed", e));
    } finally {
      releaseShellLock();
      Thread.interrupted();
    }
  }

  private CellResult evaluateSnippet(String cell, CellSnippet snippet, int executionCount) {
    List<SnippetEvent> events = shell.eval(snippet.source());
    Object value = control.takeLastValue();
    CellResult result = CellResult.nothing();
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) {
        continue;
      }
      Snippet sn = event.snippet();
      locations.record(sn.id(), executionCount, SnippetLocations.lineOf(cell, snippet.offset()));
      switch (event.status()) {
        case REJECTED:
          return CellResult.failed(errors.compilation(cell, snippet, shell.diagnostics(sn).toList()));
        case RECOVERABLE_NOT_DEFINED:
          return CellResult.failed(unresolved(cell, snippet, sn));
        default:
          break;
      }
      if (event.exception() != null) {
        return CellResult.failed(errors.runtime(event.exception(), executionCount));
      }
      if (isExpression(sn) && value != WorkerExecutionControl.NO_VALUE) {
        result = CellResult.value(value);
      }
    }
    return result;
  }

  private CellError unresolved(String cell, CellSnippet snippet, Snippet sn) {
    if (!(sn instanceof DeclarationSnippet declaration)) {
      return errors.compilation(cell, snippet, shell.diagnostics(sn).toList());
    }
    List<String> missing = shell.unresolvedDependencies(declaration).toList();
    if (missing.isEmpty()) {
      return errors.compilation(cell, snippet, shell.diagnostics(sn).toList());
    }
    return errors.unresolved(cell, snippet, declaration.name(), missing);
  }

  /** Whether a snippet is an expression whose value the cell shows (not a declaration). */
  private static boolean isExpression(Snippet sn) {
    if (sn instanceof ExpressionSnippet) {
      return true;
    }
    return sn instanceof VarSnippet
        && sn.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
  }

  /**
   * Interrupts the running cell: it ends with an "Interrupted" error after its current snippet,
   * whose thread is interrupted and, if it does not stop, stopped. Called from the control thread.
   */
  void interrupt() {
    interrupted = true;
    control.requestStop();
    shell.stop();
  }

  @Override
  public void close() {
    shell.close();
  }
}
