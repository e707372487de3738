package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.DStreamGraph;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.checkpoint.Checkpoint;
import dev.eddy.streaming.checkpoint.CheckpointWriter;
import dev.eddy.streaming.checkpoint.GraphSignature;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.dstream.internal.InputDStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a streaming context's checkpoints, as Spark's {@code CheckpointWriter} with
 * {@code DoCheckpoint}: after each batch whose time is a multiple of the checkpoint interval
 * after the zero time, one {@link Checkpoint} holding the graph's signature, the zero time, the
 * batches still pending, each running input's position ({@link InputDStream#checkpointPosition})
 * and each stream's {@link DStream#checkpointData} as blobs named {@code s<index>.<name>}
 * (the stream's index in {@link GraphSignature#streamsOf}).
 *
 * <p>The interval is the smallest checkpoint interval of the graph's streams (state streams get
 * Spark's default, the smallest multiple of their slide of at least 10 s, or what
 * {@code stream.checkpoint(interval)} sets), or the batch interval when no stream has one; every
 * checkpoint holds all state, so a recovery never recomputes batches before it. A failed write is
 * reported on stderr and as a {@link CheckpointWritten} event, never failing the batch.
 * Thread-safe.
 */
public final class Checkpointer {
  private final DStreamGraph graph;
  private final Duration batchDuration;
  private final CheckpointWriter writer;
  private final Set<Integer> reportedInputs = ConcurrentHashMap.newKeySet();
  private volatile Time zeroTime;
  private volatile Duration interval;

  public Checkpointer(DStreamGraph graph, Duration batchDuration, CheckpointWriter writer) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.batchDuration = Objects.requireNonNull(batchDuration, "batchDuration");
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  /** Returns the directory checkpoints are written to. */
  public Path directory() {
    return writer.directory();
  }

  /** Called once the graph started with {@code zero}, before its first batch: fixes the interval. */
  void start(Time zero) {
    Duration smallest = null;
    for (DStream<?> s : GraphSignature.streamsOf(graph)) {
      Duration d = s.checkpointDuration();
      if (d != null && (smallest == null || d.compareTo(smallest) < 0)) {
        smallest = d;
      }
    }
    interval = smallest == null ? batchDuration : smallest;
    zeroTime = zero;
  }

  /** Returns the interval between checkpoints; null before start. */
  public Duration interval() {
    return interval;
  }

  /** Returns whether a checkpoint is due after the batch at {@code time}. */
  boolean isCheckpointTime(Time time) {
    Time zero = zeroTime;
    return zero != null && time.greater(zero) && time.minus(zero).isMultipleOf(interval);
  }

  /**
   * Writes the checkpoint of the batch at {@code time}, which ran; {@code pending} are the later
   * batches already generated. Returns what happened; never throws.
   */
  CheckpointWritten write(Time time, List<Time> pending) {
    try {
      Checkpoint.Builder b = Checkpoint.builder(time, batchDuration, GraphSignature.of(graph))
          .zeroTime(zeroTime)
          .pendingTimes(pending);
      List<InputDStream<?>> inputs = graph.inputStreams();
      for (InputDStream<?> input : graph.runningInputStreams()) {
        int index = inputs.indexOf(input);
        Optional<String> position = input.checkpointPosition(time);
        if (position.isPresent()) {
          b.inputPosition(index, position.get());
        } else if (reportedInputs.add(index)) {
          System.err.println("Eddy: " + input + " cannot record its position in checkpoints; after a recovery it "
              + "reads on from what it holds then");
        }
      }
      List<DStream<?>> streams = GraphSignature.streamsOf(graph);
      for (int i = 0; i < streams.size(); i++) {
        for (var e : streams.get(i).checkpointData(time).entrySet()) {
          b.blob("s" + i + "." + e.getKey(), e.getValue());
        }
      }
      return new CheckpointWritten(time, Optional.of(writer.write(b.build())), Optional.empty());
    } catch (RuntimeException | LinkageError e) {
      String reason = "writing the checkpoint of " + time + " failed: " + BatchFailures.describe(e);
      System.err.println("Eddy: " + reason + "; the stream goes on, and a recovery would start from an older checkpoint");
      return new CheckpointWritten(time, Optional.empty(), Optional.of(reason));
    }
  }
}
