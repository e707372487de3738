package dev.eddy.streaming.checkpoint;

import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a streaming context saves at a batch time so that it can continue after a failure, as
 * Spark's {@code Checkpoint}, but with data only: the graph's {@link GraphSignature} (never its
 * code), the batch duration, the batches still pending, each input stream's position as an opaque
 * JSON object (Kafka offsets, a receiver's write-ahead log handles...), and named blobs of
 * partitioned data (state and window contents) that {@link CheckpointWriter} serializes through
 * the engine's serializer. The format is described in docs/fault-tolerance.md.
 *
 * <pre>{@code
 * Checkpoint cp = Checkpoint.builder(time, ssc.batchDuration(), GraphSignature.of(ssc.graph()))
 *     .pendingTimes(List.of(time))
 *     .inputPosition(0, "{\"topic\":\"t\",\"offsets\":{\"0\":42}}")
 *     .blob("state-3", partitions)
 *     .build();
 * }</pre>
 *
 * <p>Immutable (the blob partitions are copied into unmodifiable lists; their elements are shared).
 */
public final class Checkpoint {
  /** The checkpoint format version this Eddy writes and reads. */
  public static final int FORMAT_VERSION = 1;

  private static final Pattern BLOB_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final Time checkpointTime;
  private final Duration batchDuration;
  private final GraphSignature graph;
  private final List<Time> pendingTimes;
  private final Map<Integer, String> inputPositions;
  private final Map<String, List<List<Object>>> blobs;
  private final Optional<Time> zeroTime;

  private Checkpoint(Builder b) {
    this.zeroTime = Optional.ofNullable(b.zeroTime);
    this.checkpointTime = b.checkpointTime;
    this.batchDuration = b.batchDuration;
    this.graph = b.graph;
    this.pendingTimes = List.copyOf(b.pendingTimes);
    this.inputPositions = Collections.unmodifiableMap(new TreeMap<>(b.inputPositions));
    this.blobs = Collections.unmodifiableMap(new LinkedHashMap<>(b.blobs));
  }

  /** Returns a builder of the checkpoint at {@code checkpointTime}. */
  public static Builder builder(Time checkpointTime, Duration batchDuration, GraphSignature graph) {
    return new Builder(checkpointTime, batchDuration, graph);
  }

  /** Returns the batch time the checkpoint was taken at. */
  public Time checkpointTime() {
    return checkpointTime;
  }

  public Duration batchDuration() {
    return batchDuration;
  }

  /** Returns the shape of the graph that wrote the checkpoint. */
  public GraphSignature graph() {
    return graph;
  }

  /**
   * Returns the context's zero time (one batch interval before the first batch of the run that
   * wrote it), which a recovered context keeps so that windows and slides stay aligned; empty if
   * the writer did not record it.
   */
  public Optional<Time> zeroTime() {
    return zeroTime;
  }

  /** Returns the batches generated but not yet completed at the checkpoint, oldest first. */
  public List<Time> pendingTimes() {
    return pendingTimes;
  }

  /** Returns each input stream's position (a JSON object's text), by the input's position in the graph. */
  public Map<Integer, String> inputPositions() {
    return inputPositions;
  }

  /** Returns the names of the blobs, in the order they were added. */
  public Set<String> blobNames() {
    return blobs.keySet();
  }

  /**
   * Returns the partitions of the blob named {@code name}; elements are cast unchecked to the
   * caller's type.
   *
   * @throws IllegalArgumentException if there is no such blob
   */
  @SuppressWarnings("unchecked")
  public <T> List<List<T>> blob(String name) {
    List<List<Object>> partitions = blobs.get(name);
    if (partitions == null) {
      throw new IllegalArgumentException("checkpoint at " + checkpointTime + " has no blob '" + name + "'; it has " + blobNames());
    }
    return (List<List<T>>) (List<?>) partitions;
  }

  /**
   * Throws unless this checkpoint can restore a context of {@code batchDuration} whose graph has
   * signature {@code current}.
   *
   * @throws IncompatibleGraphException naming what differs
   */
  public void checkCompatible(Duration batchDuration, GraphSignature current) {
    List<String> diffs = new ArrayList<>();
    if (!batchDuration.equals(this.batchDuration)) {
      diffs.add("the batch duration was " + this.batchDuration + ", is now " + batchDuration);
    }
    diffs.addAll(current.differences(graph));
    if (!diffs.isEmpty()) {
      throw new IncompatibleGraphException(diffs);
    }
  }

  @Override
  public String toString() {
    return "Checkpoint[" + checkpointTime + ", batch " + batchDuration + ", pending " + pendingTimes
        + ", inputs " + inputPositions.keySet() + ", blobs " + blobNames() + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c && checkpointTime.equals(c.checkpointTime) && batchDuration.equals(c.batchDuration)
        && graph.equals(c.graph) && pendingTimes.equals(c.pendingTimes) && positionsEqual(c) && blobs.equals(c.blobs)
        && zeroTime.equals(c.zeroTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(checkpointTime, batchDuration, graph, pendingTimes, blobs.keySet());
  }

  private boolean positionsEqual(Checkpoint c) {
    if (!inputPositions.keySet().equals(c.inputPositions.keySet())) {
      return false;
    }
    for (Map.Entry<Integer, String> e : inputPositions.entrySet()) {
      if (!CheckpointFormat.parseObject(e.getValue()).equals(CheckpointFormat.parseObject(c.inputPositions.get(e.getKey())))) {
        return false;
      }
    }
    return true;
  }

  /** Collects a checkpoint's parts. Not thread-safe. */
  public static final class Builder {
    private final Time checkpointTime;
    private final Duration batchDuration;
    private final GraphSignature graph;
    private List<Time> pendingTimes = List.of();
    private final Map<Integer, String> inputPositions = new TreeMap<>();
    private final Map<String, List<List<Object>>> blobs = new LinkedHashMap<>();
    private Time zeroTime;

    private Builder(Time checkpointTime, Duration batchDuration, GraphSignature graph) {
      this.checkpointTime = Objects.requireNonNull(checkpointTime, "checkpointTime");
      this.batchDuration = Objects.requireNonNull(batchDuration, "batchDuration");
      this.graph = Objects.requireNonNull(graph, "graph");
      if (checkpointTime.milliseconds() < 0) {
        throw new IllegalArgumentException("a checkpoint time cannot be negative: " + checkpointTime);
      }
    }

    /** Sets the context's zero time (one batch interval before its run's first batch). */
    public Builder zeroTime(Time time) {
      this.zeroTime = Objects.requireNonNull(time, "zeroTime");
      return this;
    }

    /** Sets the batches generated but not yet completed. */
    public Builder pendingTimes(List<Time> times) {
      this.pendingTimes = List.copyOf(times);
      return this;
    }

    /**
     * Sets the position of the input stream at {@code input} (its index in the graph's input
     * streams) to a JSON object.
     *
     * @throws IllegalArgumentException if {@code json} is not a JSON object
     */
    public Builder inputPosition(int input, String json) {
      if (input < 0) {
        throw new IllegalArgumentException("an input stream's position in the graph cannot be negative: " + input);
      }
      CheckpointFormat.parseObject(json);
      inputPositions.put(input, json);
      return this;
    }

    /**
     * Adds a blob of partitioned data, serialized when the checkpoint is written.
     *
     * @param name letters, digits, {@code .}, {@code _} or {@code -}; unique in the checkpoint
     */
    public Builder blob(String name, List<? extends List<?>> partitions) {
      if (name == null || !BLOB_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("a blob name is 1 to 100 letters, digits, '.', '_' or '-', not '" + name + "'");
      }
      if (blobs.containsKey(name)) {
        throw new IllegalArgumentException("the checkpoint already has a blob named '" + name + "'");
      }
      List<List<Object>> copy = new ArrayList<>();
      for (List<?> p : partitions) {
        copy.add(Collections.unmodifiableList(new ArrayList<>(p)));
      }
      blobs.put(name, Collections.unmodifiableList(copy));
      return this;
    }

    public Checkpoint build() {
      return new Checkpoint(this);
    }
  }
}
