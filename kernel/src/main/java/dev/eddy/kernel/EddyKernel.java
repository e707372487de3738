package dev.eddy.kernel;

import dev.eddy.streaming.ActiveContexts;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.messages.MessageType;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Eddy kernel: Java cells in JShell, with live views of the streams they start.
 *
 * <p>Built on the library's {@link BaseKernel} for its message plumbing, with its weak handlers
 * replaced: execute (run on a worker thread, errors mapped to cell lines), kernel info (with
 * status), interrupt and shutdown. See {@link CellRunner} for evaluation, {@link LiveViews} for
 * live views, {@link Renderers} for how values are shown.
 */
final class EddyKernel extends BaseKernel {
  private static final Logger LOG = Logger.getLogger(EddyKernel.class.getName());
  private static final long ENGINE_STOP_TIMEOUT_MS = 2_000;
  private static final long EXIT_GRACE_MS = 3_000;
  /** How long completion and inspection wait for a kernel that is still starting. */
  private static final long ANALYSIS_STARTUP_WAIT_MS = 10_000;

  private final JupyterConnection connection;
  private final IOPub iopub;
  private final CurrentCell cell = new CurrentCell();
  private final CellHistory history = new CellHistory();
  private final Displays displays;
  private final LiveViewPublisher publisher;
  private final CellRunner runner;
  private final CompilerWarmUp compilerWarmUp = new CompilerWarmUp();

  /**
   * Wires the kernel to {@code connection} and starts building the runtime in the background; the
   * connection is not bound yet. {@code log} is where kernel diagnostics go (the original stderr).
   */
  EddyKernel(JupyterConnection connection, PrintStream log) {
    this.connection = connection;
    this.iopub = new IOPub(connection.getIOPub());
    this.publisher = new LiveViewPublisher(iopub, cell);
    this.displays = new Displays(iopub, cell);
    CellOutputStream.install(iopub, cell);
    this.runner = new CellRunner(() -> startRuntime(log), compilerWarmUp::stop);
  }

  /** Builds what cells run in; runs on the cell worker. */
  private CellRunner.Runtime startRuntime(PrintStream log) {
    long start = System.nanoTime();
    CompletableFuture<List<String>> startupCode = CompletableFuture.supplyAsync(StartupSnippets::all);
    EngineSession engine = EngineSession.start();
    Bindings.install(engine, displays);
    ActiveContexts.addListener(new LiveViews(cell, publisher));
    long engineReady = System.nanoTime();
    JShellEvaluator evaluator = new JShellEvaluator(log);
    publisher.rewriteFailuresWith(evaluator::withCellLines);
    long shellReady = System.nanoTime();
    evaluator.evaluateStartup(startupCode.join());
    long end = System.nanoTime();
    LOG.info(() -> String.format("runtime ready in %d ms (engine %d, JShell %d, start-up code %d)",
        millis(end - start), millis(engineReady - start), millis(shellReady - engineReady), millis(end - shellReady)));
    TablesawWarmUp.start();
    DagWarmUp.start();
    compilerWarmUp.start(log);
    return new CellRunner.Runtime(evaluator, new CellInterpreter(evaluator, MavenResolver.forUser()), engine);
  }

  /** Registers the kernel's handlers, replacing the library's where they fall short. */
  @Override
  public void becomeHandlerForConnection(JupyterConnection connection) {
    super.becomeHandlerForConnection(connection);
    connection.setHandler(MessageType.KERNEL_INFO_REQUEST, new KernelInfoHandler(getLanguageInfo(), getBanner()));
    connection.setHandler(MessageType.EXECUTE_REQUEST, new ExecuteHandler(executionCount, runner, cell, history, publisher));
    connection.setHandler(MessageType.HISTORY_REQUEST, new HistoryHandler(history));
    connection.setHandler(MessageType.INTERRUPT_REQUEST, new InterruptHandler(runner));
    connection.setHandler(MessageType.SHUTDOWN_REQUEST, new ShutdownHandler(this));
  }

  @Override
  public LanguageInfo getLanguageInfo() {
    return new LanguageInfo.Builder("java")
        .version(System.getProperty("java.specification.version"))
        .mimetype("text/x-java-source")
        .fileExtension(".java")
        .pygments("java")
        .codemirror("text/x-java")
        .build();
  }

  @Override
  public String getBanner() {
    return "Eddy " + KernelInfoHandler.VERSION + " - Java " + Runtime.version()
        + " with a streaming engine. sc and ssc are ready; ssc.start() shows a live view.";
  }

  @Override
  public HistoryManager getHistoryManager() {
    return history;
  }

  /** Evaluates {@code code} as a cell (the library's entry point; the execute handler uses the runner). */
  @Override
  public DisplayData eval(String code) throws Exception {
    CellResult result = runner.run(code, executionCount.get());
    if (result.failed()) {
      throw new IllegalStateException(result.error().ename() + ": " + result.error().evalue());
    }
    return result.hasValue() && result.value() != null ? Renderers.displayData(result.value()) : null;
  }

  /** Completes at the cursor with JShell's analysis; no matches while the runtime is not ready. */
  @Override
  public ReplacementOptions complete(String code, int at) {
    CellRunner.Runtime runtime = runner.runtimeWithin(ANALYSIS_STARTUP_WAIT_MS);
    if (runtime == null) {
      return null;
    }
    CodeAnalysis.Completion completion = runtime.evaluator().analyze(a -> a.complete(code, at), null);
    return completion == null ? null
        : new ReplacementOptions(completion.matches(), completion.start(), completion.end());
  }

  /** Shows the signatures (and Javadoc summaries, when sources are found) of what is at the cursor. */
  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    CellRunner.Runtime runtime = runner.runtimeWithin(ANALYSIS_STARTUP_WAIT_MS);
    if (runtime == null) {
      return null;
    }
    String text = runtime.evaluator().analyze(a -> a.inspect(code, at), null);
    return text == null ? null : new DisplayData(text);
  }

  /** Answers complete, invalid, or the indent of the next line (incomplete); unknown before start-up. */
  @Override
  public String isComplete(String code) {
    CellRunner.Runtime runtime = runner.runtimeWithin(ANALYSIS_STARTUP_WAIT_MS);
    if (runtime == null) {
      return IS_COMPLETE_MAYBE;
    }
    CodeAnalysis.Completeness answer = runtime.evaluator().analyze(a -> a.completeness(code), null);
    if (answer == null) {
      return IS_COMPLETE_MAYBE;
    }
    return switch (answer.status()) {
      case "complete" -> IS_COMPLETE_YES;
      case "invalid" -> IS_COMPLETE_BAD;
      default -> answer.indent();
    };
  }

  @Override
  public void interrupt() {
    runner.interrupt();
  }

  /** Stops all streams and the engine, waiting at most {@link #ENGINE_STOP_TIMEOUT_MS}. */
  void stopEngine() {
    CellRunner.Runtime runtime = runner.readyRuntime();
    if (runtime == null) {
      return;
    }
    Thread stopper = new Thread(() -> {
      try {
        runtime.engine().stop();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "stopping the engine failed", e);
      }
    }, "eddy-engine-stop");
    stopper.setDaemon(true);
    stopper.start();
    try {
      stopper.join(ENGINE_STOP_TIMEOUT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Closes the connection and exits the JVM from a thread of its own, so the handler's reply is
   * sent first; halts if a clean exit takes longer than {@link #EXIT_GRACE_MS}.
   */
  void exitSoon() {
    Thread exit = new Thread(() -> {
      Thread halt = new Thread(() -> {
        sleep(EXIT_GRACE_MS);
        Runtime.getRuntime().halt(0);
      }, "eddy-halt");
      halt.setDaemon(true);
      halt.start();
      sleep(50);
      publisher.close();
      runner.close();
      connection.close();
      System.exit(0);
    }, "eddy-exit");
    exit.start();
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
