package dev.eddy.streaming;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.api.Function2;
import dev.eddy.rdd.RDD;
import dev.eddy.api.Function;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.dstream.internal.FileInputDStream;
import dev.eddy.streaming.dstream.internal.PluggableInputDStream;
import dev.eddy.streaming.dstream.internal.SocketInputDStream;
import dev.eddy.streaming.dstream.internal.SocketReceiver;
import dev.eddy.streaming.dstream.internal.UnionDStream;
import dev.eddy.streaming.receiver.Receiver;
import dev.eddy.streaming.scheduler.ReceiverTracker;
import dev.eddy.streaming.dstream.internal.QueueInputDStream;
import dev.eddy.streaming.dstream.internal.TextGeneratorInputDStream;
import dev.eddy.streaming.dstream.internal.TransformedDStream;
import dev.eddy.streaming.scheduler.BatchCounter;
import dev.eddy.streaming.scheduler.JobScheduler;
import dev.eddy.streaming.scheduler.StreamingListener;
import dev.eddy.streaming.scheduler.StreamingListenerBus;
import dev.eddy.streaming.scheduler.StreamingStarted;
import dev.eddy.streaming.scheduler.StreamingStopped;
import dev.eddy.dag.Dag;
import dev.eddy.streaming.scheduler.BatchInfo;
import dev.eddy.util.Clock;
import dev.eddy.util.ManualClock;
import dev.eddy.util.SystemClock;
import dev.eddy.streaming.checkpoint.Checkpoint;
import dev.eddy.streaming.checkpoint.CheckpointReader;
import dev.eddy.streaming.checkpoint.CheckpointWriter;
import dev.eddy.streaming.checkpoint.GraphSignature;
import dev.eddy.streaming.scheduler.Checkpointer;
import dev.eddy.streaming.scheduler.Recovery;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The entry point of streaming, as Spark's {@code JavaStreamingContext} (the notebook's
 * {@code ssc}): defines input streams, then runs their output operations once per batch interval.
 *
 * <pre>{@code
 * StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1));
 * ssc.textGeneratorStream(5)
 *     .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
 *     .mapToPair(w -> new Tuple2<>(w, 1))
 *     .reduceByKey(Integer::sum)
 *     .print();
 * ssc.start();
 * ssc.awaitBatches(3);
 * ssc.stop();
 * }</pre>
 *
 * <p>Lifecycle ({@link StreamingContextState}): streams are defined while INITIALIZED;
 * {@link #start()} freezes them and cuts a batch at every multiple of the batch interval on the
 * context's {@link Clock}; {@link #stop()} ends the run. Better defaults than Spark for
 * notebooks, where {@code ssc} is bound once and cells are run again:
 * <ul>
 *   <li>{@code stop()} keeps the {@link EddyContext} alive; Spark's also stops the SparkContext.
 *   <li>A stopped context can be started again (Spark's cannot): the first output operation
 *       defined after a stop begins a new set of outputs, replacing the previous run's, so a cell
 *       run again replaces its stream instead of adding one; {@code start()} with nothing newly
 *       defined reruns the previous outputs. Each run starts afresh: batch counts, input streams'
 *       batch indexes and remembered RDDs begin again. Input streams that no output reaches are
 *       not started. {@code stop(true)} stops the EddyContext and so ends the context for good.
 *   <li>Stopping the EddyContext ({@code sc.stop()}) stops the streaming contexts running on it
 *       first, at once, as {@code stop()} does.
 *   <li>With a {@link ManualClock} ({@link #manual(EddyContext, Duration)}), {@link #step()} and
 *       {@link #runBatches(int)} run batches synchronously: a notebook saved after them shows
 *       exactly their results.
 * </ul>
 * Any number of contexts may run at once ({@link ActiveContexts} lists them).
 *
 * <p>The context is a facade: batches are cut by the {@code JobGenerator}, run by the
 * {@code JobScheduler}, and reported by the {@code StreamingListenerBus}. Thread-safe.
 */
public final class StreamingContext {
  private static final AtomicInteger NEXT_ID = new AtomicInteger();

  private final EddyContext sc;
  private final Duration batchDuration;
  private final Clock clock;
  private final String name;
  private final DStreamGraph graph = new DStreamGraph();
  private final List<StreamingListener> listeners = new CopyOnWriteArrayList<>();
  /** Held through a start, which first waits for the previous run's stop to finish. */
  private final Object startLock = new Object();
  private volatile BatchCounter batchCounter = new BatchCounter();
  private StreamingListenerBus listenerBus;
  private volatile CountDownLatch terminated = new CountDownLatch(1);
  private final ReceiverTracker receiverTracker = new ReceiverTracker(this);
  private StreamingContextState state = StreamingContextState.INITIALIZED;
  private JobScheduler scheduler;
  private volatile Time firstBatchTime;
  /** Registered with the EddyContext while running: stopping the engine stops streaming first. */
  private final Runnable stopWithEngine = () -> stop(false, false);

  /** Creates a context cutting a batch every {@code batchDuration} of wall-clock time. */
  public StreamingContext(EddyContext sc, Duration batchDuration) {
    this(sc, batchDuration, SystemClock.INSTANCE);
  }

  /** Creates a context cutting a batch every {@code batchDuration} of {@code clock}'s time. */
  public StreamingContext(EddyContext sc, Duration batchDuration, Clock clock) {
    sc.assertNotStopped();
    if (batchDuration.milliseconds() <= 0) {
      throw new IllegalArgumentException("the batch duration must be positive, not " + batchDuration);
    }
    this.sc = sc;
    this.batchDuration = batchDuration;
    this.clock = clock;
    this.name = sc.appName() + "-" + NEXT_ID.incrementAndGet();
  }

  // ---------------------------------------------------------------- accessors

  /** Returns the engine context the batches run on (Spark's name). */
  public EddyContext sparkContext() {
    return sc;
  }

  public Duration batchDuration() {
    return batchDuration;
  }

  public Clock clock() {
    return clock;
  }

  /** Returns the engine context's configuration (a copy). */
  public EddyConf conf() {
    return sc.getConf();
  }

  /** Returns the graph of this context's streams; engine machinery used by DStreams. */
  public DStreamGraph graph() {
    return graph;
  }

  /** Returns the tracker of this context's receivers and their blocks; engine machinery used by receiver streams. */
  public ReceiverTracker receiverTracker() {
    return receiverTracker;
  }

  public synchronized StreamingContextState getState() {
    return state;
  }

  // ---------------------------------------------------------------- input streams

  /** Returns a stream that takes one RDD from {@code queue} per batch; see {@link #queueStream(Queue, boolean)}. */
  public <T> DStream<T> queueStream(Queue<RDD<T>> queue) {
    return queueStream(queue, true);
  }

  /**
   * Returns a stream fed from a queue of RDDs, as Spark's {@code queueStream}: each batch takes
   * one RDD ({@code oneAtATime}) or all queued RDDs, or is empty when the queue is. Other threads
   * may add to the queue while the stream runs if they synchronize on it or the queue is
   * concurrent.
   */
  public <T> DStream<T> queueStream(Queue<RDD<T>> queue, boolean oneAtATime) {
    return new QueueInputDStream<>(this, queue, oneAtATime);
  }

  /** Returns Eddy's demo source with seed 42; see {@link #textGeneratorStream(int, long)}. */
  public DStream<String> textGeneratorStream(int linesPerBatch) {
    return textGeneratorStream(linesPerBatch, TextGeneratorInputDStream.DEFAULT_SEED);
  }

  /**
   * Returns Eddy's demo source (not in Spark): each batch holds {@code linesPerBatch} lines of ten
   * words drawn from a vocabulary of a hundred short English words. The lines depend only on the
   * seed and the batch's index, so {@code TextGenerator.lines(seed, index, linesPerBatch)}
   * recomputes them.
   */
  public DStream<String> textGeneratorStream(int linesPerBatch, long seed) {
    return new TextGeneratorInputDStream(this, linesPerBatch, seed);
  }

  // ---------------------------------------------------------------- receiver and file input streams

  /**
   * Returns a stream of the UTF-8 lines read from a TCP server at {@code host:port}, stored at
   * {@code MEMORY_AND_DISK_SER_2}; see {@link #socketStream}.
   */
  public DStream<String> socketTextStream(String host, int port) {
    return socketTextStream(host, port, StorageLevel.MEMORY_AND_DISK_SER_2);
  }

  /** Returns a stream of the UTF-8 lines read from a TCP server, stored at {@code storageLevel}; see {@link #socketStream}. */
  public DStream<String> socketTextStream(String host, int port, StorageLevel storageLevel) {
    return socketStream(host, port, SocketReceiver::bytesToLines, storageLevel);
  }

  /**
   * Returns a stream of records read from a TCP server by a receiver, as Spark's
   * {@code socketStream}: {@code converter} turns the connection's input stream into records. When
   * the server closes the connection or cannot be reached, the receiver reconnects after
   * {@code eddy.streaming.receiverRestartDelay}.
   */
  public <T> DStream<T> socketStream(
      String host, int port, Function<InputStream, Iterable<T>> converter, StorageLevel storageLevel) {
    return new SocketInputDStream<>(this, host, port, converter, storageLevel);
  }

  /**
   * Returns a stream of the records a user-defined {@link Receiver} stores, as Spark's
   * {@code receiverStream}: each batch holds the blocks stored since the previous one.
   */
  public <T> DStream<T> receiverStream(Receiver<T> receiver) {
    return new PluggableInputDStream<>(this, receiver);
  }

  /**
   * Returns a stream of the lines of files that appear in {@code directory}, as Spark's
   * {@code textFileStream}: each batch reads the files whose modification time falls in it.
   */
  public DStream<String> textFileStream(String directory) {
    return new FileInputDStream(this, directory);
  }

  /** Returns the union of {@code streams}, which must share this context and slide duration. */
  public <T> DStream<T> union(List<DStream<T>> streams) {
    return new UnionDStream<>(streams);
  }

  // ---------------------------------------------------------------- combining streams, memory, checkpoints

  /**
   * Returns a stream whose batches hold the elements of all {@code streams}' batches, in order,
   * as Spark's {@code union}.
   *
   * @throws IllegalArgumentException if none is given, or their contexts or slides differ
   */
  @SafeVarargs
  public final <T> DStream<T> union(DStream<T>... streams) {
    return new UnionDStream<>(List.of(streams));
  }

  /**
   * Returns a stream of {@code f} applied to the RDDs of all {@code streams} at each batch (in
   * order) and the batch time, as Spark's {@code transform}.
   */
  public <T> DStream<T> transform(List<DStream<?>> streams, Function2<List<RDD<?>>, Time, RDD<T>> f) {
    return new TransformedDStream<T>(streams, f::call);
  }

  /**
   * Makes every stream remember its RDDs for at least {@code duration} after their batch (so
   * {@code slice} and outputs can still read them), as Spark's {@code remember}. Set before start.
   */
  public void remember(Duration duration) {
    graph.remember(duration);
  }

  /**
   * Sets the directory checkpoints are written to, as Spark's {@code ssc.checkpoint(dir)}: the
   * engine context's checkpoint directory (checkpointed RDDs go to a subdirectory), and the
   * streaming checkpoints, which the next start writes after every checkpoint interval (see
   * {@link #getOrCreate} and docs/fault-tolerance.md).
   */
  public void checkpoint(String directory) {
    sc.setCheckpointDir(directory);
    checkpointDirectory = Path.of(directory).toAbsolutePath().normalize();
  }

  // ---------------------------------------------------------------- listeners

  /** Adds a listener to this context's events. */
  public void addStreamingListener(StreamingListener listener) {
    listeners.add(listener);
  }

  /** Removes a listener added with {@link #addStreamingListener}. */
  public void removeStreamingListener(StreamingListener listener) {
    listeners.remove(listener);
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Starts cutting batches; the first is at the first multiple of the batch interval after the
   * clock's current time. Does nothing if already started. After a {@link #stop()} it starts a
   * new run (unlike Spark): of the outputs defined since the stop, or else of the previous ones.
   *
   * @throws IllegalArgumentException if no output operation was defined
   * @throws IllegalStateException if the EddyContext was stopped (e.g. by {@code stop(true)})
   * @throws RuntimeException what an input stream threw when it could not start; the context is
   *     then stopped, so it can be started again once the cause is fixed
   */
  public void start() {
    synchronized (startLock) {
      awaitPreviousStop();
      JobScheduler starting;
      StreamingListenerBus bus;
      synchronized (this) {
        if (state == StreamingContextState.ACTIVE) {
          return;
        }
        if (sc.isStopped()) {
          throw new IllegalStateException(
              "The EddyContext of this StreamingContext was stopped (stop(true) ends both); "
                  + "create a new EddyContext and StreamingContext");
        }
        graph.validate();
        receiverTracker.prepare();
        if (!sc.addStopHook(stopWithEngine)) {
          throw new IllegalStateException("The EddyContext of this StreamingContext is stopping; "
              + "create a new EddyContext and StreamingContext");
        }
        if (state == StreamingContextState.STOPPED) {
          batchCounter = new BatchCounter();
          terminated = new CountDownLatch(1);
        }
        firstBatchTime = null;
        BatchCounter counter = batchCounter;
        bus = new StreamingListenerBus(
            "eddy-streaming-listeners-" + name, this::allListeners, e -> counter.batchCompleted(e.batchInfo()));
        listenerBus = bus;
        scheduler = newScheduler(bus);
        starting = scheduler;
        bus.start();
        state = StreamingContextState.ACTIVE;
        ActiveContexts.register(this);
      }
      bus.postSynchronously(new StreamingStarted(this, System.currentTimeMillis()));
      try {
        firstBatchTime = starting.start();
      } catch (RuntimeException | Error e) {
        // an input that cannot start (an unknown Kafka topic, a bad receiver setting) ends the run
        stop(false, false);
        throw e;
      }
    }
  }

  /** Stops streaming at once and keeps the EddyContext alive (unlike Spark); see {@link #stop(boolean, boolean)}. */
  public void stop() {
    stop(false, false);
  }

  /** Stops streaming at once, and the EddyContext too if {@code stopSparkContext}. */
  public void stop(boolean stopSparkContext) {
    stop(stopSparkContext, false);
  }

  /**
   * Stops streaming. Gracefully, batches already cut run to the end; otherwise they are dropped
   * and the running one is interrupted. Batch events of the context are all delivered before
   * {@code onStreamingStopped}, which runs on this thread before it returns. Idempotent. Unless
   * {@code stopSparkContext}, the context may be started again (see the class comment); streams
   * forget every batch of the run that ended.
   *
   * @param stopSparkContext whether to stop the EddyContext as well, which ends this context for good
   */
  public void stop(boolean stopSparkContext, boolean stopGracefully) {
    JobScheduler running;
    StreamingListenerBus bus;
    CountDownLatch runEnded;
    synchronized (this) {
      running = state == StreamingContextState.ACTIVE ? scheduler : null;
      bus = listenerBus;
      runEnded = terminated;
      state = StreamingContextState.STOPPED;
      graph.stop();
      scheduler = null;
    }
    sc.removeStopHook(stopWithEngine);
    if (running != null) {
      running.stop(stopGracefully);
      bus.stop();
      ActiveContexts.unregister(this);
      bus.postSynchronously(new StreamingStopped(this, System.currentTimeMillis()));
      graph.clearAllMetadata();
    }
    batchCounter.streamStopped();
    if (stopSparkContext) {
      ActiveContexts.forget(this);
      sc.stop();
    }
    runEnded.countDown();
  }

  /** Waits until a stop in progress on another thread has ended its run, so that runs never overlap. */
  private void awaitPreviousStop() {
    CountDownLatch previous;
    synchronized (this) {
      if (state != StreamingContextState.STOPPED) {
        return;
      }
      previous = terminated;
    }
    try {
      previous.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the previous run to stop", e);
    }
  }

  /**
   * Blocks until the context is stopped.
   *
   * @throws IllegalStateException if the waiting thread is interrupted; its interrupt flag is kept
   */
  public void awaitTermination() {
    try {
      terminated.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the StreamingContext to stop", e);
    }
  }

  /** Blocks until the context is stopped or {@code timeoutMillis} passed; returns whether it stopped. */
  public boolean awaitTerminationOrTimeout(long timeoutMillis) {
    try {
      return terminated.await(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the StreamingContext to stop", e);
    }
  }

  /**
   * Blocks until at least {@code n} batches have completed since the latest {@link #start()}, and their
   * {@code onBatchCompleted} events were delivered; returns at once if they have. Waits on a
   * condition, never polls; with a {@link dev.eddy.util.ManualClock}, advance the clock first.
   *
   * @throws IllegalStateException if the context was never started, stopped before {@code n}
   *     batches, or the waiting thread is interrupted (its interrupt flag is restored)
   */
  public void awaitBatches(int n) {
    assertStartedOnce();
    if (!batchCounter.await(n, -1)) {
      throw new IllegalStateException(
          "the StreamingContext stopped after " + batchCounter.completed() + " batches, before " + n);
    }
  }

  /**
   * Like {@link #awaitBatches(int)} but gives up after {@code timeoutMillis} of wall-clock time.
   *
   * @return whether {@code n} batches completed
   */
  public boolean awaitBatches(int n, long timeoutMillis) {
    assertStartedOnce();
    return batchCounter.await(n, Math.max(0, timeoutMillis));
  }

  /** Returns how many batches completed since the latest start. */
  public long completedBatches() {
    return batchCounter.completed();
  }

  /** Returns the last batch completed since the latest start, if any. */
  public Optional<BatchInfo> lastCompletedBatch() {
    return batchCounter.lastCompleted();
  }

  /**
   * Returns the graph of streams as a diagram (one box per DStream, named by its operation, arrows
   * from the streams each is computed from); show it with {@code display(ssc.dag())} or
   * {@code %dag ssc}. See {@link DStreamGraph#dag()}.
   */
  public Dag dag() {
    return graph.dag();
  }

  /**
   * Returns the RDD lineage that the batch at {@code batchTime} ran, its outputs' RDDs merged in
   * one diagram; kept for the last few batches only.
   *
   * @throws IllegalArgumentException if that batch is not among those kept
   */
  public Dag batchDag(Time batchTime) {
    return graph.batchDag(batchTime).orElseThrow(() -> new IllegalArgumentException(
        "no RDD lineage kept for the batch of " + batchTime + "; lastBatchDag() shows the latest"));
  }

  /**
   * Returns the RDD lineage of the latest batch, e.g. {@code display(ssc.lastBatchDag())}.
   *
   * @throws IllegalStateException if no batch was generated yet
   */
  public Dag lastBatchDag() {
    return graph.lastBatchDag().orElseThrow(() -> new IllegalStateException("no batch was generated yet"));
  }

  // ---------------------------------------------------------------- stepping with a manual clock

  /**
   * Returns a context whose batches are cut only when {@link #step()}, {@link #runBatches(int)}
   * or its {@link ManualClock} moves time on; the clock starts at 0, so batch times are 1 s,
   * 2 s, ... for a one-second interval. For tutorials, saved notebooks and tests.
   *
   * <pre>{@code
   * StreamingContext ssc = StreamingContext.manual(sc, Durations.seconds(1));
   * ssc.textGeneratorStream(5).count().print();
   * ssc.start();
   * ssc.runBatches(3);   // returns once the three batches completed
   * }</pre>
   */
  public static StreamingContext manual(EddyContext sc, Duration batchDuration) {
    return new StreamingContext(sc, batchDuration, new ManualClock());
  }

  /** Runs exactly one batch and returns its info once delivered; see {@link #runBatches(int)}. */
  public BatchInfo step() {
    return runBatches(1);
  }

  /**
   * Runs exactly {@code n} batches, one after another, on a context with a {@link ManualClock}:
   * moves the clock to each next batch time and waits until that batch's
   * {@code onBatchCompleted} was delivered. Returns the info of the last (failed batches count).
   *
   * @throws IllegalArgumentException if {@code n < 1}
   * @throws IllegalStateException if the context's clock is not a ManualClock (build it with
   *     {@link #manual(EddyContext, Duration)}), it is not started, it stops meanwhile, or the
   *     calling thread is interrupted
   */
  public BatchInfo runBatches(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("the number of batches to run must be positive, not " + n);
    }
    if (!(clock instanceof ManualClock manualClock)) {
      throw new IllegalStateException("step() and runBatches(n) need a manual clock, and this context runs on "
          + clock.getClass().getSimpleName() + "; build one with StreamingContext.manual(sc, batchDuration) "
          + "or new StreamingContext(sc, batchDuration, new ManualClock())");
    }
    BatchCounter counter;
    Time first;
    synchronized (this) {
      if (state != StreamingContextState.ACTIVE || firstBatchTime == null) {
        throw new IllegalStateException("call start() before step() or runBatches(n); the context is " + state);
      }
      counter = batchCounter;
      first = firstBatchTime;
    }
    long interval = batchDuration.milliseconds();
    for (int i = 0; i < n; i++) {
      long next = (Math.floorDiv(manualClock.getTimeMillis(), interval) + 1) * interval;
      long batchesUpToNext = (next - first.milliseconds()) / interval + 1;
      manualClock.setTime(next);
      if (!counter.await(batchesUpToNext, -1)) {
        throw new IllegalStateException("the StreamingContext stopped after " + counter.completed()
            + " batches, before the batch of " + new Time(next));
      }
    }
    return counter.lastCompleted().orElseThrow();
  }

  @Override
  public String toString() {
    return "StreamingContext[" + name + ", batch " + batchDuration + ", " + getState() + "]";
  }

  private synchronized void assertStartedOnce() {
    if (state == StreamingContextState.INITIALIZED) {
      throw new IllegalStateException("call start() before waiting for batches");
    }
  }

  private List<StreamingListener> allListeners() {
    List<StreamingListener> all = new ArrayList<>(listeners);
    all.addAll(ActiveContexts.listeners());
    return all;
  }

  // ---------------------------------------------------------------- streaming checkpoints and recovery

  private volatile Path checkpointDirectory;
  /** The checkpoint the next start recovers from, set by getOrCreate; used once. */
  private Recovery recovery;

  /**
   * Returns a context that goes on from the newest checkpoint in {@code checkpointDir}, or the
   * factory's context as it is when there is none, as Spark's {@code getOrCreate}. The factory is
   * always called: Eddy never serializes code, so the factory defines the streams and outputs
   * again (function bodies may change; the shape may not). When a checkpoint exists, this checks
   * that the graph has the checkpoint's shape and batch duration, and makes {@link #start()}
   * restore each input's position and the state of every state stream, re-run the batches the
   * checkpoint had pending, and run the batches missed while down (from the checkpoint's time to
   * the clock's; at most {@code eddy.streaming.recovery.maxMissedBatches}, default 100, the oldest
   * skipped beyond that) before continuing. A damaged newest checkpoint is skipped for the one
   * before it. The factory should call {@code ssc.checkpoint(checkpointDir)}; if it did not, this
   * does.
   *
   * <p>In a notebook, run the cell again after stopping the context it made
   * ({@code ssc.stop()}): a context that is running with the same checkpoint directory makes this
   * throw, as two contexts writing one directory would overwrite each other's checkpoints.
   *
   * @throws dev.eddy.streaming.checkpoint.IncompatibleGraphException naming every difference, if
   *     the factory's streams, outputs or batch duration differ from the checkpoint's
   * @throws IllegalArgumentException if the factory's context checkpoints to another directory
   * @throws IllegalStateException if the factory's context was started, or another running
   *     context checkpoints to this directory
   */
  public static StreamingContext getOrCreate(String checkpointDir, Supplier<StreamingContext> factory) {
    Path dir = Path.of(checkpointDir).toAbsolutePath().normalize();
    StreamingContext ssc = factory.get();
    if (ssc == null) {
      throw new NullPointerException("the getOrCreate factory returned null instead of a StreamingContext");
    }
    if (ssc.getState() != StreamingContextState.INITIALIZED) {
      throw new IllegalStateException("the getOrCreate factory must return a new StreamingContext, not one that was "
          + "started (" + ssc + ")");
    }
    if (ssc.checkpointDirectory == null) {
      ssc.checkpoint(checkpointDir);
    } else if (!ssc.checkpointDirectory.equals(dir)) {
      throw new IllegalArgumentException("the getOrCreate factory's context checkpoints to " + ssc.checkpointDirectory
          + ", not " + dir + "; call ssc.checkpoint(\"" + checkpointDir + "\") in the factory");
    }
    ssc.assertNoOtherWriter();
    Optional<Checkpoint> latest = CheckpointReader.latest(dir, ssc.sc.serializer());
    if (latest.isPresent()) {
      latest.get().checkCompatible(ssc.batchDuration, GraphSignature.of(ssc.graph));
      synchronized (ssc) {
        ssc.recovery = Recovery.fromConf(latest.get(), ssc.sc.getConf());
      }
    }
    return ssc;
  }

  /** Returns the directory set with {@link #checkpoint(String)}, if any. */
  public Optional<Path> checkpointDirectory() {
    return Optional.ofNullable(checkpointDirectory);
  }

  /** Returns the time of the checkpoint the next {@link #start()} recovers from, if any. */
  public synchronized Optional<Time> recoveringFrom() {
    return Optional.ofNullable(recovery).map(r -> r.checkpoint().checkpointTime());
  }

  /** Builds a run's scheduler: checkpointing when a directory is set, recovering once if getOrCreate asked. */
  private JobScheduler newScheduler(StreamingListenerBus bus) {
    JobScheduler s = new JobScheduler(graph, clock, batchDuration, bus, name, receiverTracker);
    s.reportFailuresToStderr(sc.getConf().getBoolean(EddyConf.STREAMING_FAILURES_STDERR.name(), true));
    Path dir = checkpointDirectory;
    if (dir != null) {
      assertNoOtherWriter();
      s.checkpointWith(new Checkpointer(graph, batchDuration, CheckpointWriter.fromConf(dir, sc.serializer(), sc.getConf())));
    }
    s.recoverFrom(recovery);
    recovery = null;
    return s;
  }

  private void assertNoOtherWriter() {
    Path dir = checkpointDirectory;
    for (StreamingContext other : ActiveContexts.list()) {
      if (other != this && dir != null && dir.equals(other.checkpointDirectory)) {
        throw new IllegalStateException(other + " is running and checkpoints to " + dir
            + "; stop it first (ssc.stop()), as two contexts would overwrite each other's checkpoints");
      }
    }
  }
}
