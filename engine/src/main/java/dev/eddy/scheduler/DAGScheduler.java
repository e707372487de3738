package dev.eddy.scheduler;

import dev.eddy.TaskContext;
import dev.eddy.api.Function2;
import dev.eddy.rdd.RDD;
import dev.eddy.rdd.ShuffleDependency;
import dev.eddy.shuffle.ShuffleManager;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs jobs, as Spark's {@code DAGScheduler}: cuts a job's lineage into stages at shuffle
 * dependencies, runs each map stage after its parents, then the result stage, each stage as one
 * task per partition on a fixed pool of task threads ({@code local[N]} gives N).
 *
 * <p>Several threads may run jobs at once; their tasks share the pool. A job whose task throws
 * fails with an {@code EddyException} naming the stage and partition; a cancelled job fails with
 * a {@link JobCancelledException}. Shuffle outputs live for one job. Thread-safe.
 */
public final class DAGScheduler {
  private final ExecutorService pool;
  private final TaskThreadFactory threads;
  private final TaskSetRunner runner;
  private final ShuffleManager shuffles;
  private final int numThreads;
  private final AtomicInteger nextJobId = new AtomicInteger();
  private final AtomicInteger nextStageId = new AtomicInteger();
  private final Set<ActiveJob> activeJobs = ConcurrentHashMap.newKeySet();

  /** Creates a scheduler with {@code numThreads} task threads in a thread group named after the app. */
  public DAGScheduler(int numThreads, ShuffleManager shuffles, String appName) {
    this.numThreads = numThreads;
    this.shuffles = shuffles;
    this.threads = new TaskThreadFactory("eddy-tasks-" + appName);
    this.pool = Executors.newFixedThreadPool(numThreads, threads);
    this.runner = new TaskSetRunner(pool);
  }

  /** Returns the number of task threads. */
  public int numThreads() {
    return numThreads;
  }

  /**
   * Runs {@code func} on the given partitions of {@code rdd} and returns its results in the order
   * of {@code partitions}; blocks until the job ends.
   *
   * @throws dev.eddy.EddyException if a task fails
   * @throws JobCancelledException if the job is cancelled or the calling thread interrupted
   * @throws IllegalStateException if called from a task thread, where it could deadlock the pool
   */
  public <T, U> List<U> runJob(RDD<T> rdd, Function2<TaskContext, Iterator<T>, U> func, List<Integer> partitions) {
    if (Thread.currentThread().getThreadGroup() == threads.group()) {
      throw new IllegalStateException(
          "An action was called inside a task (a function passed to map, filter, ...); "
              + "run actions only on the driver, outside RDD functions");
    }
    ActiveJob job = new ActiveJob(nextJobId.getAndIncrement());
    activeJobs.add(job);
    try {
      ResultStage resultStage = new StageBuilder(nextStageId::getAndIncrement).resultStage(rdd, partitions);
      for (ShuffleMapStage stage : StageBuilder.mapStagesInRunOrder(resultStage)) {
        runner.run(job, stage.id(), mapTasks(job, stage.shuffleDependency()));
      }
      List<ResultTask<T, U>> tasks = new ArrayList<>();
      for (int p : partitions) {
        tasks.add(new ResultTask<>(rdd, p, func));
      }
      return runner.run(job, resultStage.id(), tasks);
    } finally {
      activeJobs.remove(job);
      shuffles.removeJob(job.id());
    }
  }

  /** Cancels every running job: their tasks are interrupted and their callers get a {@link JobCancelledException}. */
  public void cancelAllJobs(String reason) {
    activeJobs.forEach(job -> job.cancel(reason));
  }

  /** Returns the number of jobs running now. */
  public int activeJobCount() {
    return activeJobs.size();
  }

  /** Cancels running jobs and stops the task threads; later jobs are rejected. */
  public void stop() {
    cancelAllJobs("the EddyContext was stopped");
    pool.shutdownNow();
  }

  private <K, V, C> List<ShuffleMapTask<K, V, C>> mapTasks(ActiveJob job, ShuffleDependency<K, V, C> dep) {
    List<ShuffleMapTask<K, V, C>> tasks = new ArrayList<>();
    shuffles.registerShuffle(job.id(), dep.shuffleId(), dep.rdd().getNumPartitions());
    for (int p = 0; p < dep.rdd().getNumPartitions(); p++) {
      tasks.add(new ShuffleMapTask<>(dep, p, shuffles));
    }
    return tasks;
  }
}
