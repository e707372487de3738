package dev.eddy.kernel;

import dev.eddy.streaming.scheduler.BatchInfo;
import dev.eddy.streaming.scheduler.OutputRows;
import io.github.spencerpark.jupyter.messages.MessageContext;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live state of one started stream, shown in the cell that started it.
 *
 * <p>Engine listener threads hand events in ({@link #rows}, {@link #batchCompleted}, {@link
 * #stopped}); the publisher thread takes {@link #snapshot()}s to render. Access is synchronized;
 * every method is short.
 */
final class LiveView {
  /**
   * What one rendering shows.
   *
   * @param running whether the stream still runs
   * @param batchIntervalMs the interval between batch times, 0 until two batches were seen
   * @param latestBatch the last completed batch, null before the first
   * @param completedBatches how many batches completed
   * @param totalRecords records of all completed batches
   * @param outputs the latest rows of each output operation, by output id
   * @param lastFailedBatch the last batch that failed, null if none did
   * @param failedBatches how many batches failed
   * @param recentBatches the last {@link #RECENT} completed batches, oldest first
   * @param inputNames the input streams' names by id, e.g. {@code "queueStream [1]"}
   * @param totalProcessingMs processing time of all completed batches
   */
  record Snapshot(
      boolean running,
      long batchIntervalMs,
      BatchInfo latestBatch,
      long completedBatches,
      long totalRecords,
      Map<Integer, OutputRows> outputs,
      BatchInfo lastFailedBatch,
      long failedBatches,
      List<BatchInfo> recentBatches,
      Map<Integer, String> inputNames,
      long totalProcessingMs) {
    /** A snapshot of a stream none of whose batches failed. */
    Snapshot(boolean running, long batchIntervalMs, BatchInfo latestBatch, long completedBatches,
        long totalRecords, Map<Integer, OutputRows> outputs) {
      this(running, batchIntervalMs, latestBatch, completedBatches, totalRecords, outputs, null, 0);
    }

    /** A snapshot without batch history. */
    Snapshot(boolean running, long batchIntervalMs, BatchInfo latestBatch, long completedBatches,
        long totalRecords, Map<Integer, OutputRows> outputs, BatchInfo lastFailedBatch, long failedBatches) {
      this(running, batchIntervalMs, latestBatch, completedBatches, totalRecords, outputs, lastFailedBatch,
          failedBatches, latestBatch == null ? List.of() : List.of(latestBatch), Map.of(),
          latestBatch == null ? 0 : latestBatch.processingDelay().orElse(0L));
    }
  }

  /** How many completed batches the charts and the history keep. */
  static final int RECENT = BatchCharts.SLOTS;

  private final String displayId = UUID.randomUUID().toString();
  private final MessageContext origin;
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private volatile long lastPublishedNanos;

  private boolean running = true;
  private long batchIntervalMs;
  private BatchInfo latestBatch;
  private long completedBatches;
  private long totalRecords;
  private BatchInfo lastFailedBatch;
  private long failedBatches;
  private final Map<Integer, OutputRows> outputs = new TreeMap<>();
  private final Deque<BatchInfo> recent = new ArrayDeque<>();
  private final Map<Integer, String> inputNames = new TreeMap<>();
  private long totalProcessingMs;

  LiveView(MessageContext origin, long batchIntervalMs) {
    this.origin = origin;
    this.batchIntervalMs = batchIntervalMs;
  }

  String displayId() {
    return displayId;
  }

  /** The execute request of the cell that started the stream. */
  MessageContext origin() {
    return origin;
  }

  /** Set while an update of this view is scheduled but not yet rendered. */
  AtomicBoolean flushScheduled() {
    return flushScheduled;
  }

  long lastPublishedNanos() {
    return lastPublishedNanos;
  }

  void published(long nanos) {
    lastPublishedNanos = nanos;
  }

  /** Records an output operation's rows; returns false once the stream has stopped. */
  synchronized boolean rows(OutputRows event) {
    if (!running) {
      return false;
    }
    outputs.put(event.outputOpId(), event);
    return true;
  }

  /** Records a completed batch; returns false once the stream has stopped. */
  synchronized boolean batchCompleted(BatchInfo info) {
    if (!running) {
      return false;
    }
    if (latestBatch != null && batchIntervalMs <= 0) {
      long gap = info.batchTime().milliseconds() - latestBatch.batchTime().milliseconds();
      batchIntervalMs = Math.max(0, gap);
    }
    latestBatch = info;
    completedBatches++;
    if (info.failureReason().isPresent()) {
      lastFailedBatch = info;
      failedBatches++;
    }
    totalRecords += info.numRecords();
    totalProcessingMs += info.processingDelay().orElse(0L);
    recent.addLast(info);
    if (recent.size() > RECENT) {
      recent.removeFirst();
    }
    return true;
  }

  /** Records the names of input streams, by id, for the per-input table. */
  synchronized void inputNames(Map<Integer, String> names) {
    inputNames.putAll(names);
  }

  /** Whether every input stream of {@code info} has a name. */
  synchronized boolean knowsInputsOf(BatchInfo info) {
    return inputNames.keySet().containsAll(info.streamIdToInputInfo().keySet());
  }

  /** Marks the stream stopped; returns false if it already was. */
  synchronized boolean stopped() {
    boolean was = running;
    running = false;
    return was;
  }

  synchronized boolean isRunning() {
    return running;
  }

  synchronized Snapshot snapshot() {
    return new Snapshot(running, batchIntervalMs, latestBatch, completedBatches, totalRecords,
        Collections.unmodifiableMap(new TreeMap<>(outputs)), lastFailedBatch, failedBatches,
        List.copyOf(recent), Map.copyOf(inputNames), totalProcessingMs);
  }
}
