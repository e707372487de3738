package dev.eddy.streaming;

import dev.eddy.dag.Dag;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.dstream.internal.DStreamDag;
import dev.eddy.streaming.dstream.internal.ForEachDStream;
import dev.eddy.streaming.dstream.internal.InputDStream;
import dev.eddy.streaming.scheduler.Job;
import dev.eddy.streaming.scheduler.JobSet;
import dev.eddy.streaming.scheduler.StreamInputInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The streams of one {@link StreamingContext}, as Spark's {@code DStreamGraph}: its input streams
 * and its output operations, which pull RDDs from the streams they depend on at each batch.
 * Streams and outputs register themselves when built; after the context starts, the graph is
 * frozen. Engine machinery: users build it through DStream methods. Thread-safe.
 *
 * <p>Runs: a stopped graph may be started again (see {@code StreamingContext.stop()}). The first
 * output operation registered after a stop begins a new generation, dropping the previous
 * run's outputs, so a notebook cell run again replaces its outputs instead of adding to them; a
 * start with no new output reruns the previous ones. Only the input streams reachable from the
 * outputs are started, and every stream forgets its per-batch state at a stop.
 */
public final class DStreamGraph {
  private final List<InputDStream<?>> inputStreams = new ArrayList<>();
  private final List<ForEachDStream<?>> outputStreams = new ArrayList<>();
  private final AtomicInteger nextStreamId = new AtomicInteger();
  private StreamingContextState state = StreamingContextState.INITIALIZED;
  private Duration rememberDuration;
  private final Map<InputDStream<?>, Integer> inputRegisteredInRun = new IdentityHashMap<>();
  private List<InputDStream<?>> runningInputs = List.of();
  private int runs;
  private boolean outputsFromLastRun;
  /** How many batches' RDD lineages {@link #batchDag} keeps. */
  static final int BATCH_DAGS = 5;
  private final Map<Time, Dag> batchDags = new java.util.LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Time, Dag> eldest) {
      return size() > BATCH_DAGS;
    }
  };

  /** Returns a new stream id; fails once the context started. */
  public int newStreamId() {
    assertModifiable();
    return nextStreamId.incrementAndGet();
  }

  /** Registers an input stream. */
  public synchronized void addInputStream(InputDStream<?> stream) {
    assertModifiable();
    inputStreams.add(stream);
    inputRegisteredInRun.put(stream, runs);
  }

  /**
   * Registers an output operation and returns its id, from 0 in registration order; the first one
   * after a stop replaces the previous run's outputs.
   */
  public synchronized int addOutputStream(ForEachDStream<?> stream) {
    assertModifiable();
    if (outputsFromLastRun) {
      outputStreams.clear();
      outputsFromLastRun = false;
    }
    outputStreams.add(stream);
    return outputStreams.size() - 1;
  }

  /**
   * Returns the input streams in registration order: all defined for the next or current run;
   * {@link #runningInputStreams()} are those a run starts (reached by an output).
   */
  public synchronized List<InputDStream<?>> inputStreams() {
    return List.copyOf(inputStreams);
  }

  /** Returns the output operations in registration order. */
  public synchronized List<ForEachDStream<?>> outputStreams() {
    return List.copyOf(outputStreams);
  }

  /**
   * Throws {@link IllegalArgumentException} if there is nothing to run, as Spark, or a stream's
   * settings are wrong (such as a checkpoint interval without a checkpoint directory).
   */
  public synchronized void validate() {
    if (outputStreams.isEmpty()) {
      throw new IllegalArgumentException(
          "No output operations registered, so nothing to execute; "
              + "add one (print(), foreachRDD(...)) before start()");
    }
    outputStreams.forEach(DStream::validateAtStart);
  }

  // ---------------------------------------------------------------- remember duration

  /**
   * Makes every stream remember its RDDs for at least {@code duration} after their batch, as
   * Spark's {@code DStreamGraph.remember}; streams remember at least their slide, and a window's
   * parent at least the window. Takes effect at start.
   */
  public synchronized void remember(Duration duration) {
    if (duration == null || duration.milliseconds() <= 0) {
      throw new IllegalArgumentException("the remember duration must be positive, not " + duration);
    }
    rememberDuration = duration;
  }

  /** Returns the duration set with {@link #remember}, or null. */
  public synchronized Duration rememberDuration() {
    return rememberDuration;
  }

  /**
   * Freezes the graph, sets the zero time (one interval before the first batch) and remember
   * durations of every stream the outputs depend on, and tells the input streams that the outputs
   * reach that batch 0 would be at {@code zeroTime}; the others are not started.
   */
  public synchronized void start(Time zeroTime) {
    state = StreamingContextState.ACTIVE;
    outputsFromLastRun = false;
    outputStreams.forEach(s -> s.initialize(zeroTime));
    outputStreams.forEach(s -> s.remember(rememberDuration));
    Set<DStream<?>> reachable = reachableFromOutputs();
    inputStreams.removeIf(s -> !reachable.contains(s) && inputRegisteredInRun.get(s) < runs);
    inputRegisteredInRun.keySet().retainAll(inputStreams);
    runningInputs = inputStreams.stream().filter(reachable::contains).toList();
    runningInputs.forEach(s -> s.start(zeroTime));
  }

  /** Marks the graph stopped and open for the next run's definitions. */
  public synchronized void stop() {
    if (state == StreamingContextState.ACTIVE) {
      runs++;
      outputsFromLastRun = true;
    }
    state = StreamingContextState.STOPPED;
  }

  /** Forgets every stream's per-batch state (RDDs, input infos); called once a run has stopped. */
  public void clearAllMetadata() {
    Time end = new Time(Long.MAX_VALUE);
    clearMetadata(end);
    inputStreams().forEach(s -> s.clearMetadata(end));
    synchronized (batchDags) {
      batchDags.clear();
    }
  }

  /** Returns the input streams started by the current or last run. */
  public synchronized List<InputDStream<?>> runningInputStreams() {
    return runningInputs;
  }

  /**
   * Returns the graph as a diagram: one box per stream (its {@code operatorName()} and id), an
   * arrow from each stream to those computed from it; the streams reachable from the outputs the
   * next or current run has, and the input streams defined for it.
   */
  public synchronized Dag dag() {
    List<DStream<?>> roots = new ArrayList<>(outputStreams);
    roots.addAll(inputStreams);
    return DStreamDag.of("DStream graph", roots);
  }

  /** Returns the RDD lineage the batch at {@code time} ran, if it is among the last {@value #BATCH_DAGS} batches. */
  public Optional<Dag> batchDag(Time time) {
    synchronized (batchDags) {
      return Optional.ofNullable(batchDags.get(time));
    }
  }

  /** Returns the RDD lineage of the latest batch generated, if any. */
  public Optional<Dag> lastBatchDag() {
    synchronized (batchDags) {
      return batchDags.values().stream().reduce((first, second) -> second);
    }
  }

  /**
   * Keeps the lineage diagram of each output's RDD of the batch (RDDs are remembered until the
   * batch completes, so this is the RDD its job runs). Diagrams, not RDDs, are kept: they hold no
   * data.
   */
  private void recordBatchDag(Time time, List<ForEachDStream<?>> outputs) {
    List<Dag> lineages = new ArrayList<>();
    Dag dag;
    try {
      for (ForEachDStream<?> output : outputs) {
        output.dependencies().get(0).getOrCompute(time).ifPresent(rdd -> lineages.add(rdd.dag()));
      }
      if (lineages.isEmpty()) {
        return;
      }
      dag = DStreamDag.batch("RDDs of the batch of " + time, lineages);
    } catch (RuntimeException e) {
      return; // a diagram is a convenience: it never fails the batch
    }
    synchronized (batchDags) {
      batchDags.put(time, dag);
    }
  }

  private Set<DStream<?>> reachableFromOutputs() {
    Set<DStream<?>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<DStream<?>> todo = new ArrayDeque<>(outputStreams);
    while (!todo.isEmpty()) {
      DStream<?> s = todo.pop();
      if (seen.add(s)) {
        todo.addAll(s.dependencies());
      }
    }
    return seen;
  }

  /** Returns the jobs of the batch at {@code time}, one per output operation that has data. */
  public JobSet generateJobs(Time time) {
    List<ForEachDStream<?>> outputs = outputStreams();
    List<Job> jobs = new ArrayList<>();
    for (ForEachDStream<?> output : outputs) {
      output.generateJob(time).ifPresent(jobs::add);
    }
    recordBatchDag(time, outputs);
    Map<Integer, StreamInputInfo> inputs = new HashMap<>();
    for (InputDStream<?> input : runningInputStreams()) {
      input.inputInfo(time).ifPresent(info -> inputs.put(info.inputStreamId(), info));
    }
    return JobSet.of(time, jobs, inputs);
  }

  /** Forgets what the streams remember of batches up to {@code time}; called when a batch ends. */
  public void clearMetadata(Time time) {
    outputStreams().forEach(s -> clear(s, time));
  }

  private static void clear(DStream<?> stream, Time time) {
    stream.clearMetadata(time);
    stream.dependencies().forEach(d -> clear(d, time));
  }

  private synchronized void assertModifiable() {
    if (state == StreamingContextState.ACTIVE) {
      throw new IllegalStateException(
          "Adding new inputs, transformations, and output operations after starting a context is not supported; "
              + "stop it first (ssc.stop()), define the streams, then start it again");
    }
  }
}
