package dev.eddy.streaming.scheduler;

import dev.eddy.EddyConf;
import dev.eddy.streaming.DStreamGraph;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.checkpoint.Checkpoint;
import dev.eddy.streaming.checkpoint.GraphSignature;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.dstream.internal.InputDStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a context restarted from a {@link Checkpoint} goes on, as Spark's
 * {@code JobGenerator.restart}: it keeps the checkpoint's zero time (so batch times, windows and
 * slides stay aligned), restores input positions and stream state, then runs the batches from the
 * one after the checkpoint up to the clock's current time (or the last pending batch, if later)
 * before the timer's first. At most {@value #MAX_MISSED_BATCHES} of them run (default
 * {@value #DEFAULT_MAX_MISSED_BATCHES}); beyond that the oldest are skipped with one stderr line,
 * as if they had held no data: their input is not read and the state goes on from the checkpoint's.
 * Immutable.
 */
public final class Recovery {
  /** The most batches a recovery runs before the timer's first. */
  public static final String MAX_MISSED_BATCHES = "eddy.streaming.recovery.maxMissedBatches";
  public static final int DEFAULT_MAX_MISSED_BATCHES = 100;

  private static final Pattern BLOB = Pattern.compile("s(\\d+)\\.(.+)");

  private final Checkpoint checkpoint;
  private final int maxBatches;

  /** @param maxBatches the most batches to run; at least 1 */
  public Recovery(Checkpoint checkpoint, int maxBatches) {
    if (maxBatches < 1) {
      throw new IllegalArgumentException(MAX_MISSED_BATCHES + " must be at least 1, not " + maxBatches);
    }
    this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
    this.maxBatches = maxBatches;
  }

  /** Returns a recovery from {@code checkpoint} with the cap read from {@code conf}. */
  public static Recovery fromConf(Checkpoint checkpoint, EddyConf conf) {
    return new Recovery(checkpoint, conf.getInt(MAX_MISSED_BATCHES, DEFAULT_MAX_MISSED_BATCHES));
  }

  public Checkpoint checkpoint() {
    return checkpoint;
  }

  /** Returns the zero time to start the graph with: the checkpoint's, or one interval before it if unrecorded. */
  public Time zeroTime() {
    return checkpoint.zeroTime().orElse(checkpoint.checkpointTime().minus(checkpoint.batchDuration()));
  }

  /**
   * Returns the batches to run before the timer's, oldest first, when the clock reads
   * {@code nowMillis}: every batch time after the checkpoint's up to the later of now and the last
   * pending batch, without the oldest beyond the cap (reported once on stderr).
   */
  public List<Time> batchTimes(long nowMillis) {
    long step = checkpoint.batchDuration().milliseconds();
    long from = checkpoint.checkpointTime().milliseconds() + step;
    long to = Math.floorDiv(nowMillis, step) * step;
    for (Time t : checkpoint.pendingTimes()) {
      to = Math.max(to, t.milliseconds());
    }
    long count = to < from ? 0 : (to - from) / step + 1;
    if (count > maxBatches) {
      long skipped = count - maxBatches;
      System.err.println("Eddy: recovering from the checkpoint of " + checkpoint.checkpointTime() + ", skipping the "
          + skipped + " oldest of " + count + " batches to recover (" + new Time(from) + " to "
          + new Time(from + (skipped - 1) * step) + "): at most " + MAX_MISSED_BATCHES + " = " + maxBatches + " run");
      from += skipped * step;
    }
    List<Time> times = new ArrayList<>();
    for (long t = from; t <= to; t += step) {
      times.add(new Time(t));
    }
    return times;
  }

  /**
   * Restores the running inputs' positions and every stream's saved data into {@code graph}, which
   * has started and generated nothing yet; stream data becomes their state at {@code stateTime}
   * (one interval before the first batch to run).
   *
   * @throws IllegalStateException if a blob names no stream of the graph
   */
  public void restore(DStreamGraph graph, Time stateTime) {
    List<InputDStream<?>> inputs = graph.inputStreams();
    List<InputDStream<?>> running = graph.runningInputStreams();
    checkpoint.inputPositions().forEach((index, json) -> {
      if (index < inputs.size() && running.contains(inputs.get(index))) {
        inputs.get(index).restorePosition(json);
      }
    });
    List<DStream<?>> streams = GraphSignature.streamsOf(graph);
    Map<Integer, Map<String, List<List<?>>>> byStream = new HashMap<>();
    for (String name : checkpoint.blobNames()) {
      Matcher m = BLOB.matcher(name);
      int index = m.matches() ? Integer.parseInt(m.group(1)) : -1;
      if (index < 0 || index >= streams.size()) {
        throw new IllegalStateException("checkpoint at " + checkpoint.checkpointTime() + " has blob '" + name
            + "', which names no stream of the graph (" + streams.size() + " streams)");
      }
      List<List<?>> partitions = new ArrayList<>(checkpoint.<Object>blob(name));
      byStream.computeIfAbsent(index, i -> new HashMap<>()).put(m.group(2), partitions);
    }
    byStream.forEach((index, data) -> streams.get(index).restoreCheckpointData(stateTime, data));
  }
}
