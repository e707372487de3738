package dev.eddy.scheduler;

import dev.eddy.TaskContext;

/** The unit of work: computes one partition of a stage's RDD on a task thread. Immutable. */
abstract sealed class Task<R> permits ShuffleMapTask, ResultTask {
  private final int partitionId;

  Task(int partitionId) {
    this.partitionId = partitionId;
  }

  int partitionId() {
    return partitionId;
  }

  /** Runs the task; exceptions from user code propagate unchanged. */
  abstract R run(TaskContext context) throws Exception;
}
