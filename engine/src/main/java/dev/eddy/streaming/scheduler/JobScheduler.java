package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.DStreamGraph;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.util.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs batches, as Spark's {@code JobScheduler}: each batch's output jobs run in order on one
 * batch thread, one batch after another, and the batch's progress is posted as
 * {@link BatchSubmitted}, {@link BatchStarted} and {@link BatchCompleted}. Batch times come from
 * the context's clock; submission and processing times are wall-clock milliseconds.
 *
 * <p>A job that throws fails its batch: the error goes to stderr and into
 * {@link BatchInfo#failureReason()}, the batch's other jobs still run, and so do later batches.
 * Thread-safe.
 */
public final class JobScheduler {
  /** How long a non-graceful stop waits for the running batch to notice its interruption. */
  private static final long STOP_WAIT_MILLIS = 10_000;

  private final DStreamGraph graph;
  private final StreamingListenerBus bus;
  private final JobGenerator generator;
  private final ThreadPoolExecutor batches;
  private final ReceiverTracker receiverTracker;
  private volatile Thread batchThread;
  private boolean stopped;
  private final java.util.Set<Time> pending = new java.util.concurrent.ConcurrentSkipListSet<>();
  private volatile Checkpointer checkpointer;
  private volatile Recovery recovery;
  private volatile boolean failuresToStderr = true;

  /** @param receiverTracker runs the context's receivers; started and stopped with the batches */
  public JobScheduler(
      DStreamGraph graph, Clock clock, Duration batchDuration, StreamingListenerBus bus, String name,
      ReceiverTracker receiverTracker) {
    this.graph = graph;
    this.bus = bus;
    this.receiverTracker = receiverTracker;
    this.generator = new JobGenerator(
        graph, clock, batchDuration, this::submit, "eddy-streaming-timer-" + name, receiverTracker);
    this.batches = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "eddy-streaming-batches-" + name);
      t.setDaemon(true);
      batchThread = t;
      return t;
    });
  }

  /**
   * Starts generating batches and returns the time of the first; returns null without starting
   * if {@link #stop} came first (a stop racing a start).
   */
  public synchronized Time start() {
    if (stopped) {
      return null;
    }
    Checkpointer writer = checkpointer;
    // the graph decides at its start which input streams run; their receivers start after that
    Time first = generator.start(recovery, zero -> {
      if (writer != null) {
        writer.start(zero);
      }
    });
    receiverTracker.start();
    return first;
  }

  /** Writes checkpoints with {@code writer} after the batches it says; call before {@link #start}. */
  public void checkpointWith(Checkpointer writer) {
    this.checkpointer = writer;
  }

  /** Sets whether a failed batch's error is also printed to stderr (it is in its BatchInfo either way). */
  public void reportFailuresToStderr(boolean report) {
    this.failuresToStderr = report;
  }

  /** Makes {@link #start} recover from a checkpoint; call before it. */
  public void recoverFrom(Recovery recovery) {
    this.recovery = recovery;
  }

  /**
   * Stops generating batches, then either lets the batches already queued run to the end
   * ({@code graceful}) or drops them and interrupts the running one. Receivers stop first; when
   * graceful, blocks they stored that no batch has taken yet go into one last batch (as Spark's
   * graceful stop), otherwise they are dropped. Returns when the batch thread is idle, or at once
   * when called from a batch's own job.
   */
  public void stop(boolean graceful) {
    synchronized (this) {
      stopped = true;
    }
    receiverTracker.stop(graceful);
    generator.stop();
    if (graceful) {
      generator.generatePendingBatch();
    }
    if (graceful) {
      batches.shutdown();
    } else {
      batches.shutdownNow();
    }
    if (Thread.currentThread() == batchThread) {
      return;
    }
    try {
      boolean idle = batches.awaitTermination(graceful ? Long.MAX_VALUE : STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      if (!idle) {
        System.err.println("Eddy: the running batch did not stop within " + STOP_WAIT_MILLIS + " ms; leaving it behind");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    receiverTracker.closeLogs();
  }

  private void submit(JobSet jobSet) {
    long submitted = System.currentTimeMillis();
    BatchInfo info = new BatchInfo(
        jobSet.time(), jobSet.numRecords(), submitted, Optional.empty(), Optional.empty(), Optional.empty(),
        jobSet.inputInfos());
    pending.add(jobSet.time());
    bus.post(new BatchSubmitted(info));
    try {
      batches.execute(() -> runBatch(jobSet, info));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // stopping: the batch is dropped, as Spark drops batches queued at a non-graceful stop
    }
  }

  private void runBatch(JobSet jobSet, BatchInfo submitted) {
    long start = System.currentTimeMillis();
    bus.post(new BatchStarted(withTimes(submitted, start, null, null)));
    String failure = jobSet.generationError()
        .map(e -> report(jobSet.time(), "generating the batch failed: " + BatchFailures.describe(e)))
        .orElse(null);
    for (Job job : jobSet.jobs()) {
      try {
        job.run(bus::post);
      } catch (Throwable e) {
        String reason = report(jobSet.time(), job.description() + " failed: " + BatchFailures.describe(e));
        if (failure == null) {
          failure = reason;
        }
        if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    long end = System.currentTimeMillis();
    checkpointAfter(jobSet.time());
    pending.remove(jobSet.time());
    graph.clearMetadata(jobSet.time());
    receiverTracker.batchCompleted(jobSet.time());
    bus.post(new BatchCompleted(withTimes(submitted, start, end, failure)));
  }

  /** Writes the checkpoint due after the batch at {@code time}, unless the batch was interrupted by a stop. */
  private void checkpointAfter(Time time) {
    Checkpointer writer = checkpointer;
    if (writer != null && !Thread.currentThread().isInterrupted() && writer.isCheckpointTime(time)) {
      List<Time> later = pending.stream().filter(t -> t.greater(time)).toList();
      bus.post(writer.write(time, later));
    }
  }

  private String report(Time time, String reason) {
    if (failuresToStderr) {
      System.err.println("Eddy: batch " + time + ": " + reason);
    }
    return reason;
  }

  private static BatchInfo withTimes(BatchInfo info, long start, Long end, String failure) {
    return new BatchInfo(
        info.batchTime(),
        info.numRecords(),
        info.submissionTime(),
        Optional.of(start),
        Optional.ofNullable(end),
        Optional.ofNullable(failure),
        info.streamIdToInputInfo());
  }
}
