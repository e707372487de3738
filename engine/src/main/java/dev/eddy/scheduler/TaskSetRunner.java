package dev.eddy.scheduler;

import dev.eddy.EddyException;
import dev.eddy.TaskContext;
import dev.eddy.rdd.internal.UserFunctionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one stage's tasks on the task thread pool and waits for all of them. The first task that
 * fails aborts the job: the other tasks are stopped and the caller gets an {@link EddyException}
 * naming the job, stage and partition, caused by the task's own exception. Thread-safe.
 */
final class TaskSetRunner {
  private final ExecutorService pool;

  TaskSetRunner(ExecutorService pool) {
    this.pool = pool;
  }

  /** Returns the tasks' results in task order. */
  <R> List<R> run(ActiveJob job, int stageId, List<? extends Task<R>> tasks) {
    job.throwIfCancelled();
    CompletionService<R> completion = new ExecutorCompletionService<>(pool);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Map<Future<R>, Integer> indexOf = new HashMap<>();
    try {
      for (int i = 0; i < tasks.size(); i++) {
        Task<R> task = tasks.get(i);
        TaskContext context = new TaskContext(job.id(), stageId, task.partitionId());
        Future<R> future = completion.submit(() -> runOnThisThread(task, context, loader));
        indexOf.put(future, i);
        job.track(future, context);
      }
      List<R> results = new ArrayList<>(tasks.size());
      tasks.forEach(t -> results.add(null));
      for (int done = 0; done < tasks.size(); done++) {
        Future<R> future = completion.take();
        int index = indexOf.get(future);
        results.set(index, resultOf(future, job, stageId, tasks.get(index)));
      }
      return results;
    } catch (InterruptedException e) {
      job.cancel("the thread waiting for it was interrupted");
      Thread.currentThread().interrupt();
      throw job.cancelled();
    } catch (RejectedExecutionException e) {
      job.cancel("the EddyContext was stopped");
      throw job.cancelled();
    } finally {
      job.stopTasks();
    }
  }

  private static <R> R resultOf(Future<R> future, ActiveJob job, int stageId, Task<R> task)
      throws InterruptedException {
    try {
      return future.get();
    } catch (CancellationException e) {
      throw job.cancelled();
    } catch (ExecutionException e) {
      if (job.isCancelled()) {
        throw job.cancelled();
      }
      Throwable cause = UserFunctionException.unwrap(e.getCause());
      throw new EddyException(
          "Job " + job.id() + " aborted: task " + task.partitionId() + " in stage " + stageId + " failed: " + cause,
          cause);
    }
  }

  /**
   * Runs the task with the submitting thread's context class loader, as Spark's executors use the
   * REPL's loader: the serializer then finds notebook classes when a task reads cached, spilled,
   * broadcast or checkpointed data.
   */
  private static <R> R runOnThisThread(Task<R> task, TaskContext context, ClassLoader loader) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    TaskContext.setCurrent(context);
    R result;
    try {
      result = task.run(context);
    } finally {
      TaskContext.setCurrent(null);
      thread.setContextClassLoader(previous);
    }
    // as Spark: only a task that succeeded counts its accumulator updates
    context.accumulators().mergeIntoDrivers();
    return result;
  }
}
