package dev.eddy;

import dev.eddy.api.Function;
import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.RDD;
import dev.eddy.rdd.internal.EmptyRDD;
import dev.eddy.rdd.internal.ParallelCollectionRDD;
import dev.eddy.scheduler.DAGScheduler;
import dev.eddy.scheduler.JobListener;
import dev.eddy.shuffle.ShuffleManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The entry point of the engine, as Spark's {@code JavaSparkContext} (the notebook's {@code sc}):
 * makes RDDs from local data and runs their jobs on a pool of task threads.
 *
 * <pre>{@code
 * EddyContext sc = new EddyContext("local[2]", "demo");
 * long evens = sc.parallelize(Arrays.asList(1, 2, 3, 4)).filter(x -> x % 2 == 0).count();  // 2
 * sc.stop();
 * }</pre>
 *
 * <p>Unlike Spark, any number of contexts may live in one JVM. A context is a thin facade: jobs
 * go to its {@link DAGScheduler}. After {@link #stop()} every action throws
 * {@link IllegalStateException}; create a new context instead. Thread-safe.
 */
public final class EddyContext {
  private final EddyConf conf;
  private final ShuffleManager shuffleManager = new ShuffleManager();
  private final DAGScheduler scheduler;
  private final AtomicInteger nextRddId = new AtomicInteger();
  private final AtomicInteger nextShuffleId = new AtomicInteger();
  private volatile boolean stopped;

  /** Creates a context from the {@code eddy.*} system properties; master {@code local[*]} unless set. */
  public EddyContext() {
    this(new EddyConf());
  }

  /** Creates a context with the given master ({@code local}, {@code local[N]}, {@code local[*]}) and name. */
  public EddyContext(String master, String appName) {
    this(new EddyConf().setMaster(master).setAppName(appName));
  }

  /** Creates a context from a copy of {@code conf}. */
  public EddyContext(EddyConf conf) {
    this.conf = conf.copy();
    this.scheduler = new DAGScheduler(
        this.conf.taskThreads(), this.conf.taskMaxFailures(), shuffleManager, this.conf.appName());
  }

  // ---------------------------------------------------------------- RDD sources

  /** Returns an RDD of {@code list}'s elements in {@link #defaultParallelism()} partitions. */
  public <T> RDD<T> parallelize(List<T> list) {
    return parallelize(list, defaultParallelism());
  }

  /** Returns an RDD of {@code list}'s elements in {@code numSlices} partitions; the list is copied. */
  public <T> RDD<T> parallelize(List<T> list, int numSlices) {
    assertNotStopped();
    return new ParallelCollectionRDD<>(this, list, numSlices);
  }

  /** Returns a pair RDD of {@code list}'s pairs in {@link #defaultParallelism()} partitions. */
  public <K, V> PairRDD<K, V> parallelizePairs(List<Tuple2<K, V>> list) {
    return parallelizePairs(list, defaultParallelism());
  }

  /** Returns a pair RDD of {@code list}'s pairs in {@code numSlices} partitions. */
  public <K, V> PairRDD<K, V> parallelizePairs(List<Tuple2<K, V>> list, int numSlices) {
    return PairRDD.fromRDD(parallelize(list, numSlices));
  }

  /** Returns an RDD with no partitions. */
  public <T> RDD<T> emptyRDD() {
    assertNotStopped();
    return new EmptyRDD<>(this);
  }

  // ---------------------------------------------------------------- jobs

  /** Returns the default number of partitions: the number of task threads. */
  public int defaultParallelism() {
    return scheduler.numThreads();
  }

  /** Runs {@code func} on every partition of {@code rdd}; returns one result per partition, in order. */
  public <T, U> List<U> runJob(RDD<T> rdd, Function<Iterator<T>, U> func) {
    return runJob(rdd, (context, it) -> func.call(it), allPartitions(rdd));
  }

  /**
   * Runs {@code func} on the given partitions of {@code rdd} and blocks until it ends.
   *
   * @throws EddyException if a task fails; its cause is the task's exception
   * @throws dev.eddy.scheduler.JobCancelledException if the job is cancelled
   * @throws IllegalStateException if this context was stopped
   */
  public <T, U> List<U> runJob(RDD<T> rdd, Function2<TaskContext, Iterator<T>, U> func, List<Integer> partitions) {
    assertNotStopped();
    if (rdd.context() != this) {
      throw new IllegalArgumentException(rdd + " belongs to another EddyContext");
    }
    return scheduler.runJob(rdd, func, partitions);
  }

  /**
   * Cancels every running job, as the kernel's interrupt does: their tasks are interrupted and
   * the threads waiting for them get a {@link dev.eddy.scheduler.JobCancelledException}.
   */
  public void cancelAllJobs() {
    scheduler.cancelAllJobs("cancelAllJobs() was called (interrupted)");
  }

  // ---------------------------------------------------------------- job listeners

  /**
   * Adds a listener of job, stage and task events, as Spark's {@code addSparkListener}; events
   * arrive in order on a listener thread (see {@link JobListener}).
   */
  public void addJobListener(JobListener listener) {
    scheduler.addListener(listener);
  }

  /** Removes a listener added with {@link #addJobListener}. */
  public void removeJobListener(JobListener listener) {
    scheduler.removeListener(listener);
  }

  /**
   * Waits until the job listeners have received every event of the jobs ended so far, or the
   * timeout passes; returns whether they have. For tests and notebooks that read what a listener
   * collected right after an action.
   */
  public boolean awaitJobListeners(Duration timeout) throws InterruptedException {
    return scheduler.awaitListeners(timeout);
  }

  // ---------------------------------------------------------------- lifecycle

  /** Stops the context: cancels running jobs and ends the task threads. Idempotent. */
  public void stop() {
    stopped = true;
    scheduler.stop();
  }

  public boolean isStopped() {
    return stopped;
  }

  /** Throws {@link IllegalStateException} if this context was stopped. */
  public void assertNotStopped() {
    if (stopped) {
      throw new IllegalStateException(
          "This EddyContext was stopped; create a new one with new EddyContext(...) to run jobs");
    }
  }

  /** Returns a copy of this context's configuration, as Spark's {@code getConf}. */
  public EddyConf getConf() {
    return conf.copy();
  }

  public String master() {
    return conf.master();
  }

  public String appName() {
    return conf.appName();
  }

  // ---------------------------------------------------------------- engine machinery

  /** Returns a new RDD id; called by every RDD's constructor. */
  public int newRddId() {
    return nextRddId.incrementAndGet();
  }

  /** Returns a new shuffle id; called by every {@code ShuffleDependency}. */
  public int newShuffleId() {
    return nextShuffleId.getAndIncrement();
  }

  /** Returns the store of shuffle outputs; engine machinery read by shuffled RDDs. */
  public ShuffleManager shuffleManager() {
    return shuffleManager;
  }

  @Override
  public String toString() {
    return "EddyContext[" + conf.appName() + ", " + conf.master() + (stopped ? ", stopped" : "") + "]";
  }

  private static List<Integer> allPartitions(RDD<?> rdd) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < rdd.getNumPartitions(); i++) {
      all.add(i);
    }
    return all;
  }
}
