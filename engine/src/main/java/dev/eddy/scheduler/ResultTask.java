package dev.eddy.scheduler;

import dev.eddy.TaskContext;
import dev.eddy.api.Function2;
import dev.eddy.rdd.RDD;

/** Runs the action's function on one partition of the result stage's RDD. Immutable. */
final class ResultTask<T, U> extends Task<U> {
  private final RDD<T> rdd;
  private final Function2<TaskContext, java.util.Iterator<T>, U> func;

  ResultTask(RDD<T> rdd, int partitionId, Function2<TaskContext, java.util.Iterator<T>, U> func) {
    super(partitionId);
    this.rdd = rdd;
    this.func = func;
  }

  @Override
  U run(TaskContext context) throws Exception {
    return func.call(context,
        context.taskMetrics().countRecordsWritten(rdd.iterator(rdd.partitions().get(partitionId()), context)));
  }
}
