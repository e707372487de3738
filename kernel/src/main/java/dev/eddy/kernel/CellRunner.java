package dev.eddy.kernel;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs cells, one at a time, on the kernel's single cell worker thread.
 *
 * <p>User code never runs on a channel thread: interrupting or stopping a channel thread would
 * silence the kernel for good. The worker's first task builds the {@link Runtime} (JShell and the
 * engine session), so start-up overlaps with the client's handshake and the first cell simply
 * waits for it. The shell thread waits for each cell's result; the control thread may interrupt.
 */
final class CellRunner implements AutoCloseable {
  /**
   * What cells run in: the evaluator, the interpreter of cells with magics on top of it, and the
   * engine objects bound to {@code sc} and {@code ssc}.
   */
  record Runtime(JShellEvaluator evaluator, CellInterpreter interpreter, EngineSession engine) {}

  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "eddy-cell-worker");
    t.setDaemon(true);
    return t;
  });
  private final Future<Runtime> runtime;
  private final Runnable beforeEachCell;
  private volatile boolean interruptRequested;

  /**
   * Starts building the runtime on the worker thread at once; {@code beforeEachCell} runs on the
   * calling thread when a cell is requested, before it waits for anything.
   */
  CellRunner(Callable<Runtime> startup, Runnable beforeEachCell) {
    this.beforeEachCell = beforeEachCell;
    this.runtime = worker.submit(startup);
  }

  /** Runs one cell on the worker and waits for its result; never throws. */
  CellResult run(String code, int executionCount) {
    beforeEachCell.run();
    interruptRequested = false;
    Runtime ready;
    try {
      ready = awaitRuntime();
    } catch (ExecutionException e) {
      return CellResult.failed(CellErrors.internal("the kernel could not start", e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CellResult.failed(CellErrors.interrupted());
    }
    if (ready == null) {
      return CellResult.failed(CellErrors.interrupted());
    }
    ready.evaluator().clearInterrupt();
    if (interruptRequested) {
      return CellResult.failed(CellErrors.interrupted());
    }
    Future<CellResult> cell = worker.submit(() -> ready.interpreter().run(code, executionCount));
    try {
      return cell.get();
    } catch (ExecutionException e) {
      return CellResult.failed(e.getCause() instanceof ThreadDeath
          ? CellErrors.interrupted()
          : CellErrors.internal("the cell could not run", e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CellResult.failed(CellErrors.interrupted());
    }
  }

  /** Waits for the runtime; returns null if the cell is interrupted while it waits. */
  private Runtime awaitRuntime() throws ExecutionException, InterruptedException {
    while (true) {
      try {
        return runtime.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (interruptRequested) {
          return null;
        }
      }
    }
  }

  /** Returns the runtime, waiting at most {@code timeoutMs} for it to be built; null if it is not. */
  Runtime runtimeWithin(long timeoutMs) {
    try {
      return runtime.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Returns the runtime if it has been built, else null (never waits). */
  Runtime readyRuntime() {
    if (!runtime.isDone()) {
      return null;
    }
    try {
      return runtime.get();
    } catch (ExecutionException | InterruptedException e) {
      return null;
    }
  }

  /**
   * Interrupts the running cell (see {@link JShellEvaluator#interrupt()}) and cancels the engine
   * jobs it may be waiting for. Streams keep running.
   */
  void interrupt() {
    interruptRequested = true;
    Runtime ready = readyRuntime();
    if (ready == null) {
      return;
    }
    ready.evaluator().interrupt();
    ready.engine().cancelAllJobs();
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
