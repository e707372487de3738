package dev.eddy.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * A job being run: its id, its running tasks, and the reason it was cancelled if it was.
 * Thread-safe: the job's own thread registers tasks while another thread may cancel it.
 */
final class ActiveJob {
  private record Running(Future<?> future, TaskAttempts<?> task) {}

  private final int id;
  private final List<Running> running = new ArrayList<>();
  private String cancelReason;

  ActiveJob(int id) {
    this.id = id;
  }

  int id() {
    return id;
  }

  /** Tracks a submitted task; stops it at once if the job is already cancelled. */
  synchronized void track(Future<?> future, TaskAttempts<?> task) {
    running.add(new Running(future, task));
    if (cancelReason != null) {
      stop(future, task);
    }
  }

  /** Stops every tracked task (e.g. after one failed) and forgets them. */
  synchronized void stopTasks() {
    running.forEach(r -> stop(r.future(), r.task()));
    running.clear();
  }

  /** Marks the job cancelled for {@code reason} and stops its tasks; the first reason wins. */
  synchronized void cancel(String reason) {
    if (cancelReason == null) {
      cancelReason = reason;
    }
    stopTasks();
  }

  synchronized boolean isCancelled() {
    return cancelReason != null;
  }

  /** Throws the cancellation if the job was cancelled. */
  synchronized void throwIfCancelled() {
    if (cancelReason != null) {
      throw cancelled();
    }
  }

  synchronized JobCancelledException cancelled() {
    return new JobCancelledException("Job " + id + " cancelled: " + cancelReason);
  }

  private static void stop(Future<?> future, TaskAttempts<?> task) {
    task.kill();
    future.cancel(true);
  }
}
