package dev.eddy.kernel;

import dev.eddy.streaming.ActiveContexts;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
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

  private final JupyterConnection connection;
  private final IOPub iopub;
  private final CurrentCell cell = new CurrentCell();
  private final CellHistory history = new CellHistory();
  private final Renderers renderers = new Renderers();
  private final LiveViewPublisher publisher;
  private final CellRunner runner;

  /**
   * Wires the kernel to {@code connection} and starts building the runtime in the background; the
   * connection is not bound yet. {@code log} is where kernel diagnostics go (the original stderr).
   */
  EddyKernel(JupyterConnection connection, PrintStream log) {
    this.connection = connection;
    this.iopub = new IOPub(connection.getIOPub());
    this.publisher = new LiveViewPublisher(iopub, cell);
    CellOutputStream.install(iopub, cell);
    this.runner = new CellRunner(() -> startRuntime(log));
  }

  /** Builds what cells run in; runs on the cell worker. */
  private CellRunner.Runtime startRuntime(PrintStream log) {
    long start = System.nanoTime();
    CompletableFuture<List<String>> startupCode = CompletableFuture.supplyAsync(StartupSnippets::all);
    EngineSession engine = EngineSession.start();
    Bindings.install(engine, this::displayInCell);
    ActiveContexts.addListener(new LiveViews(cell, publisher));
    long engineReady = System.nanoTime();
    JShellEvaluator evaluator = new JShellEvaluator(log);
    long shellReady = System.nanoTime();
    evaluator.evaluateStartup(startupCode.join());
    long end = System.nanoTime();
    LOG.info(() -> String.format("runtime ready in %d ms (engine %d, JShell %d, start-up code %d)",
        millis(end - start), millis(engineReady - start), millis(shellReady - engineReady), millis(end - shellReady)));
    TablesawWarmUp.start();
    return new CellRunner.Runtime(evaluator, engine);
  }

  /** Registers the kernel's handlers, replacing the library's where they fall short. */
  @Override
  public void becomeHandlerForConnection(JupyterConnection connection) {
    super.becomeHandlerForConnection(connection);
    connection.setHandler(MessageType.KERNEL_INFO_REQUEST, new KernelInfoHandler(getLanguageInfo(), getBanner()));
    connection.setHandler(MessageType.EXECUTE_REQUEST, new ExecuteHandler(executionCount, runner, cell, history, renderers, publisher));
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
    return result.hasValue() && result.value() != null ? renderers.render(result.value()) : null;
  }

  @Override
  public void interrupt() {
    runner.interrupt();
  }

  /** Where types register how cell values are shown. */
  Renderers renderers() {
    return renderers;
  }

  /** Shows {@code value} in the running cell as {@code display_data}; used by {@code display()}. */
  private void displayInCell(Object value) {
    MessageContext request = cell.get();
    if (request != null) {
      System.out.flush();
      iopub.publish(request, new PublishDisplayData(renderers.render(value)));
    }
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
