package dev.eddy.scheduler;

import dev.eddy.EddyException;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one stage's tasks on the task thread pool and waits for all of them. A failed task is
 * retried up to {@code maxFailures} attempts in all ({@link TaskAttempts}); the first task whose
 * attempts are exhausted aborts the job: the other tasks are stopped and the caller gets an
 * {@link EddyException} naming the job, stage, partition and attempts, caused by the last
 * attempt's own exception. Thread-safe.
 */
final class TaskSetRunner {
  private final ExecutorService pool;
  private final int maxFailures;
  private final JobListenerBus events;
  private final AtomicLong nextAttemptId = new AtomicLong();

  TaskSetRunner(ExecutorService pool, int maxFailures, JobListenerBus events) {
    this.pool = pool;
    this.maxFailures = maxFailures;
    this.events = events;
  }

  /** Returns the tasks' results in task order. */
  <R> List<R> run(ActiveJob job, int stageId, List<? extends Task<R>> tasks) {
    job.throwIfCancelled();
    CompletionService<R> completion = new ExecutorCompletionService<>(pool);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Map<Future<R>, Integer> indexOf = new HashMap<>();
    try {
      for (int i = 0; i < tasks.size(); i++) {
        TaskAttempts<R> attempts = new TaskAttempts<>(
            tasks.get(i), job.id(), stageId, maxFailures, nextAttemptId::getAndIncrement, events, loader);
        Future<R> future = completion.submit(attempts);
        indexOf.put(future, i);
        job.track(future, attempts);
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
      int attempts = 1;
      Throwable cause = e.getCause();
      if (cause instanceof TaskAttempts.Exhausted exhausted) {
        attempts = exhausted.attempts();
        cause = exhausted.getCause();
      }
      cause = UserFunctionException.unwrap(cause);
      throw new EddyException(
          "Job " + job.id() + " aborted: task " + task.partitionId() + " in stage " + stageId + " failed "
              + attempts + (attempts == 1 ? " time" : " times") + ", most recent failure: " + cause,
          cause);
    }
  }
}
