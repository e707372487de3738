package dev.eddy;

import dev.eddy.accumulator.AccumulatorV2;
import dev.eddy.accumulator.CollectionAccumulator;
import dev.eddy.accumulator.DoubleAccumulator;
import dev.eddy.accumulator.LongAccumulator;
import dev.eddy.api.Function;
import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import dev.eddy.broadcast.Broadcast;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.RDD;
import dev.eddy.rdd.internal.EmptyRDD;
import dev.eddy.rdd.internal.ParallelCollectionRDD;
import dev.eddy.rdd.internal.RDDCheckpointer;
import dev.eddy.rdd.internal.TextFileRDD;
import dev.eddy.scheduler.DAGScheduler;
import dev.eddy.serializer.Serializer;
import dev.eddy.serializer.Serializers;
import dev.eddy.shuffle.ShuffleManager;
import dev.eddy.storage.BlockManager;
import dev.eddy.storage.internal.DiskStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.eddy.scheduler.JobListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
  private final Serializer serializer;
  private final Path localDir;
  private final BlockManager blockManager;
  private final ShuffleManager shuffleManager;
  private final DAGScheduler scheduler;
  private final AtomicInteger nextRddId = new AtomicInteger();
  private final AtomicInteger nextShuffleId = new AtomicInteger();
  private final AtomicLong nextBroadcastId = new AtomicLong();
  private volatile String checkpointDir;
  private volatile boolean stopped;
  /** Run first by {@link #stop()}; guarded by itself, as is {@link #stopping}. */
  private final List<Runnable> stopHooks = new ArrayList<>();
  private boolean stopping;

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
    this.serializer = Serializers.fromConf(this.conf.getAll());
    this.localDir = Path.of(this.conf.get(EddyConf.LOCAL_DIR.name())).resolve("eddy-" + UUID.randomUUID());
    this.blockManager = new BlockManager(
        serializer, this.conf.getBytes(EddyConf.STORAGE_MEMORY_BYTES.name()), localDir.resolve("blocks"));
    this.shuffleManager = new ShuffleManager(
        this.conf.getBytes(EddyConf.SHUFFLE_MEMORY_BYTES.name()), serializer, localDir.resolve("shuffle"));
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

  /**
   * Returns the lines of a text file, as Spark's {@code textFile}, in at least
   * {@code min(defaultParallelism(), 2)} partitions for a file large enough; see
   * {@link #textFile(String, int)}.
   */
  public RDD<String> textFile(String path) {
    return textFile(path, Math.min(defaultParallelism(), 2));
  }

  /**
   * Returns the lines of text files, UTF-8, without their line terminators ({@code \n} or
   * {@code \r\n}), as Spark's {@code textFile} with Hadoop's {@code TextInputFormat}.
   * {@code path} is a file, a directory (its files, skipping names that start with {@code _} or
   * {@code .}, so a {@code saveAsTextFile} output reads back as written), a glob such as
   * {@code logs/*.txt}, or a comma-separated list of these; a {@code file:} prefix is accepted.
   * Each file is cut into byte ranges of about {@code totalSize / minPartitions} bytes (at most
   * 32 MB), one partition each; a line is read by the range it starts in. Files are listed when
   * the RDD's partitions are first needed; a missing path then fails with an
   * {@link IllegalArgumentException} naming it.
   *
   * <pre>{@code
   * long errors = sc.textFile("logs/*.txt", 4).filter(l -> l.contains("ERROR")).count();
   * }</pre>
   */
  public RDD<String> textFile(String path, int minPartitions) {
    assertNotStopped();
    return new TextFileRDD(this, path, minPartitions);
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
    List<U> results = scheduler.runJob(rdd, func, partitions);
    RDDCheckpointer.checkpointMarked(rdd);
    return results;
  }

  /**
   * Cancels every running job, as the kernel's interrupt does: their tasks are interrupted and
   * the threads waiting for them get a {@link dev.eddy.scheduler.JobCancelledException}.
   */
  public void cancelAllJobs() {
    scheduler.cancelAllJobs("cancelAllJobs() was called (interrupted)");
  }

  // ---------------------------------------------------------------- shared variables and checkpoints

  /**
   * Returns a broadcast of {@code value}, serialized now through {@link #serializer()}: later
   * changes to {@code value} do not reach it, as in Spark.
   *
   * @throws dev.eddy.serializer.SerializationException naming the class if it cannot be serialized
   */
  public <T> Broadcast<T> broadcast(T value) {
    assertNotStopped();
    return new Broadcast<>(nextBroadcastId.getAndIncrement(), value, blockManager);
  }

  /** Registers {@code acc} under {@code name} so tasks may add to it, as Spark's {@code sc.register}. */
  public void register(AccumulatorV2<?, ?> acc, String name) {
    acc.register(name);
  }

  /** Returns a new, registered accumulator summing longs. */
  public LongAccumulator longAccumulator(String name) {
    LongAccumulator acc = new LongAccumulator();
    register(acc, name);
    return acc;
  }

  /** Returns a new, registered accumulator summing doubles. */
  public DoubleAccumulator doubleAccumulator(String name) {
    DoubleAccumulator acc = new DoubleAccumulator();
    register(acc, name);
    return acc;
  }

  /** Returns a new, registered accumulator collecting elements into a list. */
  public <T> CollectionAccumulator<T> collectionAccumulator(String name) {
    CollectionAccumulator<T> acc = new CollectionAccumulator<>();
    register(acc, name);
    return acc;
  }

  /**
   * Sets the directory under which RDD checkpoints are written, as Spark: a new subdirectory of
   * {@code dir} (created if needed) named by a random id, kept after the context stops.
   *
   * @throws UncheckedIOException if the directory cannot be created
   */
  public void setCheckpointDir(String dir) {
    Path path = Path.of(dir).resolve(UUID.randomUUID().toString());
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create checkpoint directory " + path, e);
    }
    checkpointDir = path.toString();
  }

  /** Returns the checkpoint directory, once set. */
  public Optional<String> getCheckpointDir() {
    return Optional.ofNullable(checkpointDir);
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

  /**
   * Stops the context: first runs the stop hooks (which stop the streaming contexts running on
   * it), then cancels running jobs, ends the task threads, drops cached blocks and deletes their
   * files and the shuffle's spill files. Idempotent.
   */
  public void stop() {
    runStopHooks();
    stopped = true;
    scheduler.stop();
    blockManager.stop();
    shuffleManager.clear();
    DiskStore.deleteRecursively(localDir);
  }

  public boolean isStopped() {
    return stopped;
  }

  /**
   * Adds a hook that {@link #stop()} runs before it stops anything, once, in the order added;
   * for what is built on this context and must end first (a {@code StreamingContext} adds one
   * while it runs, so that stopping {@code sc} stops its streams instead of leaving them running on
   * a stopped engine). A hook that throws is reported on stderr; the others still run. Returns
   * false, adding nothing, if the context is stopping or stopped.
   */
  public boolean addStopHook(Runnable hook) {
    synchronized (stopHooks) {
      if (stopping) {
        return false;
      }
      stopHooks.add(java.util.Objects.requireNonNull(hook, "hook"));
      return true;
    }
  }

  /** Removes a hook added with {@link #addStopHook}; does nothing if it is not there. */
  public void removeStopHook(Runnable hook) {
    synchronized (stopHooks) {
      stopHooks.remove(hook);
    }
  }

  private void runStopHooks() {
    List<Runnable> hooks;
    synchronized (stopHooks) {
      stopping = true;
      hooks = new ArrayList<>(stopHooks);
      stopHooks.clear();
    }
    for (Runnable hook : hooks) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        System.err.println("Eddy: a stop hook of " + this + " failed: " + e);
      }
    }
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

  /**
   * Returns the serializer made from this context's conf ({@code spark.serializer} or {@code
   * eddy.serializer}, Kryo unless set), used for serialized storage levels, disk blocks,
   * broadcasts, checkpoints and shuffle spills. It resolves classes through the calling thread's
   * context class loader, so notebook classes are found.
   */
  public Serializer serializer() {
    return serializer;
  }

  /** Returns the store of cached blocks and broadcasts; its {@code metrics()} show cache use. */
  public BlockManager blockManager() {
    return blockManager;
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
