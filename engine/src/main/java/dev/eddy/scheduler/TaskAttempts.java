package dev.eddy.scheduler;

import dev.eddy.TaskContext;
import dev.eddy.rdd.internal.UserFunctionException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;

/**
 * Runs one task on a task thread, attempt after attempt until one succeeds or
 * {@code maxFailures} attempts have failed, as Spark's task set manager retries a failed task. An
 * attempt stopped because its job was cancelled or failed elsewhere is never retried. Each attempt
 * gets a new {@link TaskContext} and reports a {@link TaskStart} and a {@link TaskEnd} with its
 * metrics. Retries run at once on the same thread: in one JVM there is no other executor to prefer.
 * Attempts run with the submitting thread's context class loader, as Spark's executors use the
 * REPL's loader, so that the serializer finds notebook classes when a task reads cached, spilled,
 * broadcast or checkpointed data.
 *
 * <p>Thread-safe: another thread may {@link #kill()} it while it runs.
 */
final class TaskAttempts<R> implements Callable<R> {
  /** All attempts failed; its cause is the last attempt's exception. */
  static final class Exhausted extends Exception {
    private final int attempts;

    Exhausted(int attempts, Throwable cause) {
      super(cause);
      this.attempts = attempts;
    }

    int attempts() {
      return attempts;
    }
  }

  private final Task<R> task;
  private final int jobId;
  private final int stageId;
  private final int maxFailures;
  private final LongSupplier newAttemptId;
  private final JobListenerBus events;
  private final ClassLoader loader;
  private volatile TaskContext current;
  private volatile boolean killed;

  TaskAttempts(Task<R> task, int jobId, int stageId, int maxFailures, LongSupplier newAttemptId, JobListenerBus events,
      ClassLoader loader) {
    this.task = task;
    this.jobId = jobId;
    this.stageId = stageId;
    this.maxFailures = maxFailures;
    this.newAttemptId = newAttemptId;
    this.events = events;
    this.loader = loader;
  }

  /** Stops the running attempt at its next element and prevents further attempts. */
  void kill() {
    killed = true;
    TaskContext context = current;
    if (context != null) {
      context.markInterrupted();
    }
  }

  @Override
  public R call() throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return attempts();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private R attempts() throws Exception {
    for (int attempt = 0; ; attempt++) {
      TaskContext context = new TaskContext(jobId, stageId, task.partitionId(), attempt, newAttemptId.getAsLong());
      current = context;
      if (killed) {
        throw new CancellationException("task killed before attempt " + attempt + ": " + context);
      }
      TaskInfo info = new TaskInfo(context.taskAttemptId(), stageId, task.partitionId(), attempt,
          System.currentTimeMillis(), -1, TaskInfo.Status.RUNNING, null);
      events.post(new TaskStart(stageId, info));
      long launched = System.nanoTime();
      R result = null;
      Throwable failure = null;
      TaskContext.setCurrent(context);
      try {
        result = task.run(context);
      } catch (Throwable t) {
        failure = t;
      } finally {
        TaskContext.setCurrent(null);
      }
      long runTimeNanos = System.nanoTime() - launched;
      if (failure == null) {
        // as Spark: only a task that succeeded counts its accumulator updates
        context.accumulators().mergeIntoDrivers();
        end(context, info, launched, runTimeNanos, TaskInfo.Status.SUCCESS, null);
        return result;
      }
      Throwable cause = UserFunctionException.unwrap(failure);
      boolean stopped = killed || context.isInterrupted() || isCancellation(cause);
      end(context, info, launched, runTimeNanos, stopped ? TaskInfo.Status.KILLED : TaskInfo.Status.FAILED, cause);
      if (stopped || failure instanceof VirtualMachineError) {
        throw rethrow(failure);
      }
      if (attempt + 1 >= maxFailures) {
        throw new Exhausted(attempt + 1, cause);
      }
    }
  }

  private static Exception rethrow(Throwable t) {
    if (t instanceof Error e) {
      throw e;
    }
    return t instanceof Exception e ? e : new Exception(t);
  }

  private void end(TaskContext context, TaskInfo info, long launched, long runTimeNanos, TaskInfo.Status status,
      Throwable error) {
    if (!events.active()) {
      return;
    }
    long now = System.nanoTime();
    TaskMetrics metrics = context.taskMetrics().snapshot(runTimeNanos / 1_000_000, (now - launched) / 1_000_000);
    events.post(new TaskEnd(stageId, task.getClass().getSimpleName(),
        info.finished(System.currentTimeMillis(), status, error), metrics));
  }

  private static boolean isCancellation(Throwable t) {
    return t instanceof CancellationException || t instanceof InterruptedException;
  }
}
