package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.DStreamGraph;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.util.RecurringTimer;
import dev.eddy.util.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts batches, as Spark's {@code JobGenerator}: at every multiple of the batch interval on the
 * context's clock it asks the graph for the batch's jobs and hands them on. The first batch is
 * the first multiple of the interval strictly after the clock's time at start, so with a
 * {@link dev.eddy.util.ManualClock} at 0 and a 1 s interval, advancing by 1 s cuts the batch of
 * time 1000 ms. Before a batch's jobs are generated, the blocks received so far are allocated to
 * it (as Spark). A batch whose generation throws is handed on as failed. Thread-safe.
 */
public final class JobGenerator {
  private final DStreamGraph graph;
  private final Duration batchDuration;
  private final Consumer<JobSet> submit;
  private final RecurringTimer timer;
  private final Clock clock;
  private final ReceiverTracker receiverTracker;
  private volatile long nextBatchTime;

  /** @param receiverTracker allocates received blocks to each batch before its jobs are generated */
  public JobGenerator(
      DStreamGraph graph, Clock clock, Duration batchDuration, Consumer<JobSet> submit, String name,
      ReceiverTracker receiverTracker) {
    this.graph = graph;
    this.clock = clock;
    this.batchDuration = batchDuration;
    this.submit = submit;
    this.timer = new RecurringTimer(clock, batchDuration.milliseconds(), this::generate, name);
    this.receiverTracker = receiverTracker;
  }

  /** Starts the timer and returns the time of the first batch. */
  public Time start() {
    return start(null, zero -> {});
  }

  /**
   * Starts from a checkpoint, as Spark's {@code restart}: starts the graph with the checkpoint's
   * zero time, tells {@code started} (before any batch), restores inputs and state, generates the
   * recovery's batches, then starts the timer after the last of them. Returns the time the first
   * batch would have had, had the recovered ones been followed by the timer's without a gap (so
   * counting batches from it holds). Without a recovery, starts as {@link #start()}.
   */
  public Time start(Recovery recovery, Consumer<Time> started) {
    if (recovery == null) {
      List<Time> fromReceiverLog = receiverTracker.recoveredBatches();
      if (!fromReceiverLog.isEmpty()) {
        return startWithRecoveredBatches(fromReceiverLog, started);
      }
      Time first = new Time(timer.nextTime());
      graph.start(first.minus(batchDuration));
      started.accept(first.minus(batchDuration));
      nextBatchTime = first.milliseconds();
      timer.start(first.milliseconds());
      return first;
    }
    Time zero = recovery.zeroTime();
    graph.start(zero);
    started.accept(zero);
    long now = clock.getTimeMillis();
    List<Time> times = recovery.batchTimes(now);
    Time stateTime = times.isEmpty() ? recovery.checkpoint().checkpointTime() : times.get(0).minus(batchDuration);
    Time last = times.isEmpty() ? stateTime : times.get(times.size() - 1);
    // the timer goes on from the clock's time when the recovered batches were chosen, not after
    // they were generated, so that no batch time falls between the two
    long interval = batchDuration.milliseconds();
    long first = Math.max((Math.floorDiv(now, interval) + 1) * interval, last.milliseconds() + interval);
    recovery.restore(graph, stateTime);
    times.forEach(t -> generate(t.milliseconds()));
    nextBatchTime = first;
    timer.start(first);
    return new Time(first - times.size() * batchDuration.milliseconds());
  }

  /** Stops cutting batches; waits for the batch being generated, if any. */
  public void stop() {
    timer.stop();
  }

  /**
   * Cuts one more batch, at the next batch time without waiting for the clock, if received blocks
   * await a batch; a graceful stop calls it after {@link #stop()} so that no received record is
   * left out.
   */
  public void generatePendingBatch() {
    if (receiverTracker.hasUnallocatedBlocks()) {
      generate(nextBatchTime);
    }
  }

  private void generate(long millis) {
    Time time = new Time(millis);
    nextBatchTime = millis + batchDuration.milliseconds();
    JobSet jobs;
    try {
      receiverTracker.allocateBlocksToBatch(time);
      jobs = graph.generateJobs(time);
    } catch (RuntimeException e) {
      jobs = JobSet.failed(time, e);
    }
    submit.accept(jobs);
  }

  // ---------------------------------------------------------------- batches recovered from the receiver write-ahead log

  /**
   * Starts after running again the batches the receiver tracker recovered from its write-ahead log
   * (allocated, never completed), at their own times and before the timer's first batch, which
   * comes after the last of them. The graph starts one interval before the oldest. Returns the time
   * the first batch would have had if the recovered ones had been followed by the timer's without a
   * gap, so counting batches from it holds.
   */
  private Time startWithRecoveredBatches(List<Time> recovered, Consumer<Time> started) {
    long interval = batchDuration.milliseconds();
    Time oldest = recovered.get(0);
    Time newest = recovered.get(recovered.size() - 1);
    long first = Math.max(timer.nextTime(), newest.milliseconds() + interval);
    Time zero = new Time(Math.min(first, oldest.milliseconds()) - interval);
    graph.start(zero);
    started.accept(zero);
    System.err.println("Eddy: running again " + recovered.size() + " batch(es) recovered from the receiver write-ahead"
        + " log (" + oldest + (recovered.size() > 1 ? " to " + newest : "") + ") before the batch of " + new Time(first));
    recovered.forEach(t -> generate(t.milliseconds()));
    nextBatchTime = first;
    timer.start(first);
    return new Time(first - recovered.size() * interval);
  }
}
