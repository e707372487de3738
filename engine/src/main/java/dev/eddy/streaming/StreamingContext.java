package dev.eddy.streaming;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
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
import dev.eddy.streaming.scheduler.BatchCounter;
import dev.eddy.streaming.scheduler.JobScheduler;
import dev.eddy.streaming.scheduler.StreamingListener;
import dev.eddy.streaming.scheduler.StreamingListenerBus;
import dev.eddy.streaming.scheduler.StreamingStarted;
import dev.eddy.streaming.scheduler.StreamingStopped;
import dev.eddy.util.Clock;
import dev.eddy.util.SystemClock;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 * context's {@link Clock}; {@link #stop()} ends it for good. Better default than Spark for
 * notebooks: {@code stop()} keeps the {@link EddyContext} alive, so a new StreamingContext can be
 * built on it at once; Spark's {@code stop()} also stops the SparkContext. Any number of contexts
 * may run at once ({@link ActiveContexts} lists them).
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
  private final BatchCounter batchCounter = new BatchCounter();
  private final StreamingListenerBus listenerBus;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final ReceiverTracker receiverTracker = new ReceiverTracker(this);
  private StreamingContextState state = StreamingContextState.INITIALIZED;
  private JobScheduler scheduler;

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
    this.listenerBus = new StreamingListenerBus(
        "eddy-streaming-listeners-" + name, this::allListeners, e -> batchCounter.batchCompleted());
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
   * clock's current time. Does nothing if already started.
   *
   * @throws IllegalArgumentException if no output operation was defined
   * @throws IllegalStateException if the context was stopped, or its EddyContext was
   */
  public void start() {
    JobScheduler starting;
    synchronized (this) {
      if (state == StreamingContextState.ACTIVE) {
        return;
      }
      if (state == StreamingContextState.STOPPED) {
        throw new IllegalStateException(
            "This StreamingContext was stopped and cannot be restarted; create a new StreamingContext "
                + "(the EddyContext can be reused)");
      }
      sc.assertNotStopped();
      graph.validate();
      scheduler = new JobScheduler(graph, clock, batchDuration, listenerBus, name, receiverTracker);
      starting = scheduler;
      listenerBus.start();
      state = StreamingContextState.ACTIVE;
      ActiveContexts.register(this);
    }
    listenerBus.postSynchronously(new StreamingStarted(this, System.currentTimeMillis()));
    starting.start();
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
   * {@code onStreamingStopped}, which runs on this thread before it returns. Idempotent.
   *
   * @param stopSparkContext whether to stop the EddyContext as well
   */
  public void stop(boolean stopSparkContext, boolean stopGracefully) {
    JobScheduler running;
    synchronized (this) {
      running = state == StreamingContextState.ACTIVE ? scheduler : null;
      state = StreamingContextState.STOPPED;
      graph.stop();
      scheduler = null;
    }
    if (running != null) {
      running.stop(stopGracefully);
      listenerBus.stop();
      ActiveContexts.unregister(this);
      listenerBus.postSynchronously(new StreamingStopped(this, System.currentTimeMillis()));
    }
    batchCounter.streamStopped();
    terminated.countDown();
    if (stopSparkContext) {
      sc.stop();
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
   * Blocks until at least {@code n} batches have completed since {@link #start()}, and their
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

  /** Returns how many batches completed since start. */
  public long completedBatches() {
    return batchCounter.completed();
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
}
