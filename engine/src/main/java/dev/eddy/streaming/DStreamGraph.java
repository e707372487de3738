package dev.eddy.streaming;

import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.dstream.internal.ForEachDStream;
import dev.eddy.streaming.dstream.internal.InputDStream;
import dev.eddy.streaming.scheduler.Job;
import dev.eddy.streaming.scheduler.JobSet;
import dev.eddy.streaming.scheduler.StreamInputInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The streams of one {@link StreamingContext}, as Spark's {@code DStreamGraph}: its input streams
 * and its output operations, which pull RDDs from the streams they depend on at each batch.
 * Streams and outputs register themselves when built; after the context starts, the graph is
 * frozen. Engine machinery: users build it through DStream methods. Thread-safe.
 */
public final class DStreamGraph {
  private final List<InputDStream<?>> inputStreams = new ArrayList<>();
  private final List<ForEachDStream<?>> outputStreams = new ArrayList<>();
  private final AtomicInteger nextStreamId = new AtomicInteger();
  private StreamingContextState state = StreamingContextState.INITIALIZED;
  private Duration rememberDuration;

  /** Returns a new stream id; fails once the context started. */
  public int newStreamId() {
    assertModifiable();
    return nextStreamId.incrementAndGet();
  }

  /** Registers an input stream. */
  public synchronized void addInputStream(InputDStream<?> stream) {
    assertModifiable();
    inputStreams.add(stream);
  }

  /** Registers an output operation and returns its id, from 0 in registration order. */
  public synchronized int addOutputStream(ForEachDStream<?> stream) {
    assertModifiable();
    outputStreams.add(stream);
    return outputStreams.size() - 1;
  }

  /** Returns the input streams in registration order. */
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
   * durations of every stream the outputs depend on, and tells input streams the zero time.
   */
  public synchronized void start(Time zeroTime) {
    state = StreamingContextState.ACTIVE;
    outputStreams.forEach(s -> s.initialize(zeroTime));
    outputStreams.forEach(s -> s.remember(rememberDuration));
    inputStreams.forEach(s -> s.start(zeroTime));
  }

  /** Marks the graph stopped; it stays frozen. */
  public synchronized void stop() {
    state = StreamingContextState.STOPPED;
  }

  /** Returns the jobs of the batch at {@code time}, one per output operation that has data. */
  public JobSet generateJobs(Time time) {
    List<ForEachDStream<?>> outputs = outputStreams();
    List<Job> jobs = new ArrayList<>();
    for (ForEachDStream<?> output : outputs) {
      output.generateJob(time).ifPresent(jobs::add);
    }
    Map<Integer, StreamInputInfo> inputs = new HashMap<>();
    for (InputDStream<?> input : inputStreams()) {
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
              + "stop it and build a new StreamingContext");
    }
    if (state == StreamingContextState.STOPPED) {
      throw new IllegalStateException(
          "This StreamingContext was stopped; create a new StreamingContext to define streams");
    }
  }
}
