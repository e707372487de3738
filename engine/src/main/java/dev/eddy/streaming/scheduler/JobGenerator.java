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
  private final ReceiverTracker receiverTracker;
  private volatile long nextBatchTime;

  /** @param receiverTracker allocates received blocks to each batch before its jobs are generated */
  public JobGenerator(
      DStreamGraph graph, Clock clock, Duration batchDuration, Consumer<JobSet> submit, String name,
      ReceiverTracker receiverTracker) {
    this.graph = graph;
    this.batchDuration = batchDuration;
    this.submit = submit;
    this.timer = new RecurringTimer(clock, batchDuration.milliseconds(), this::generate, name);
    this.receiverTracker = receiverTracker;
  }

  /** Starts the timer and returns the time of the first batch. */
  public Time start() {
    List<Time> recovered = receiverTracker.recoveredBatches();
    if (!recovered.isEmpty()) {
      return startWithRecoveredBatches(recovered);
    }
    Time first = new Time(timer.nextTime());
    graph.start(first.minus(batchDuration));
    nextBatchTime = first.milliseconds();
    timer.start(first.milliseconds());
    return first;
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
  private Time startWithRecoveredBatches(List<Time> recovered) {
    long interval = batchDuration.milliseconds();
    Time oldest = recovered.get(0);
    Time newest = recovered.get(recovered.size() - 1);
    long first = Math.max(timer.nextTime(), newest.milliseconds() + interval);
    graph.start(new Time(Math.min(first, oldest.milliseconds()) - interval));
    System.err.println("Eddy: running again " + recovered.size() + " batch(es) recovered from the receiver write-ahead"
        + " log (" + oldest + (recovered.size() > 1 ? " to " + newest : "") + ") before the batch of " + new Time(first));
    recovered.forEach(t -> generate(t.milliseconds()));
    nextBatchTime = first;
    timer.start(first);
    return new Time(first - recovered.size() * interval);
  }
}
