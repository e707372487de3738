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
 * is retried up to {@code maxTaskFailures} attempts; a job whose task fails that often fails with an
 * {@code EddyException} naming the stage, partition and attempts; a cancelled job fails with a
 * {@link JobCancelledException} and its tasks are not retried. Shuffle outputs live for one job.
 *
 * <p>Each job reports its progress to the registered {@link JobListener}s (see there for the order
 * of events), delivered on a listener thread. Thread-safe.
 */
public final class DAGScheduler {
  private final ExecutorService pool;
  private final TaskThreadFactory threads;
  private final TaskSetRunner runner;
  private final JobListenerBus events;
  private final ShuffleManager shuffles;
  private final int numThreads;
  private final AtomicInteger nextJobId = new AtomicInteger();
  private final AtomicInteger nextStageId = new AtomicInteger();
  private final Set<ActiveJob> activeJobs = ConcurrentHashMap.newKeySet();

  /** Creates a scheduler with {@code numThreads} task threads that does not retry failed tasks. */
  public DAGScheduler(int numThreads, ShuffleManager shuffles, String appName) {
    this(numThreads, 1, shuffles, appName);
  }

  /**
   * Creates a scheduler with {@code numThreads} task threads in a thread group named after the app,
   * giving each task up to {@code maxTaskFailures} attempts.
   */
  public DAGScheduler(int numThreads, int maxTaskFailures, ShuffleManager shuffles, String appName) {
    if (maxTaskFailures < 1) {
      throw new IllegalArgumentException("maxTaskFailures must be at least 1, not " + maxTaskFailures);
    }
    this.numThreads = numThreads;
    this.shuffles = shuffles;
    this.threads = new TaskThreadFactory("eddy-tasks-" + appName);
    this.pool = Executors.newFixedThreadPool(numThreads, threads);
    this.events = new JobListenerBus("eddy-job-listeners-" + appName);
    this.runner = new TaskSetRunner(pool, maxTaskFailures, events);
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
    Throwable failure = null;
    try {
      ResultStage resultStage = new StageBuilder(nextStageId::getAndIncrement).resultStage(rdd, partitions);
      List<ShuffleMapStage> mapStages = StageBuilder.mapStagesInRunOrder(resultStage);
      if (events.active()) {
        List<StageInfo> infos = new ArrayList<>();
        mapStages.forEach(s -> infos.add(stageInfo(s)));
        infos.add(stageInfo(resultStage));
        events.post(new JobStart(job.id(), System.currentTimeMillis(), infos));
      }
      for (ShuffleMapStage stage : mapStages) {
        runStage(job, stage, mapTasks(job, stage.shuffleDependency()));
      }
      List<ResultTask<T, U>> tasks = new ArrayList<>();
      for (int p : partitions) {
        tasks.add(new ResultTask<>(rdd, p, func));
      }
      return runStage(job, resultStage, tasks);
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      activeJobs.remove(job);
      shuffles.removeJob(job.id());
      events.post(new JobEnd(job.id(), System.currentTimeMillis(), failure));
    }
  }

  /** Adds a listener of job, stage and task events; see {@link JobListener}. */
  public void addListener(JobListener listener) {
    events.add(listener);
  }

  /** Removes a listener added with {@link #addListener}; it may still receive events already queued. */
  public void removeListener(JobListener listener) {
    events.remove(listener);
  }

  /**
   * Waits until the listeners have received every event posted before this call, or the timeout
   * passes; returns whether they have. Waits on a condition, without polling.
   */
  public boolean awaitListeners(java.time.Duration timeout) throws InterruptedException {
    return events.awaitIdle(timeout);
  }

  /** Cancels every running job: their tasks are interrupted and their callers get a {@link JobCancelledException}. */
  public void cancelAllJobs(String reason) {
    activeJobs.forEach(job -> job.cancel(reason));
  }

  /** Returns the number of jobs running now. */
  public int activeJobCount() {
    return activeJobs.size();
  }

  /** Cancels running jobs, stops the task threads, then delivers the queued events; later jobs are rejected. */
  public void stop() {
    cancelAllJobs("the EddyContext was stopped");
    pool.shutdownNow();
    events.stop();
  }

  private <R> List<R> runStage(ActiveJob job, Stage stage, List<? extends Task<R>> tasks) {
    StageInfo info = events.active() ? stageInfo(stage).submitted(System.currentTimeMillis()) : null;
    if (info != null) {
      events.post(new StageSubmitted(info));
    }
    String failure = null;
    try {
      return runner.run(job, stage.id(), tasks);
    } catch (RuntimeException | Error e) {
      failure = e.getMessage() == null ? e.toString() : e.getMessage();
      throw e;
    } finally {
      if (info != null) {
        events.post(new StageCompleted(info.completed(System.currentTimeMillis(), failure)));
      }
    }
  }

  private static StageInfo stageInfo(Stage stage) {
    return new StageInfo(
        stage.id(),
        stage.rdd().creationSite(),
        stage.numTasks(),
        stage.parents().stream().map(Stage::id).toList(),
        StageBuilder.narrowAncestry(stage.rdd()).stream().map(RDD::id).toList(),
        -1,
        -1,
        null);
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
