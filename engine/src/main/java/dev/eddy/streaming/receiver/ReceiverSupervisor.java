package dev.eddy.streaming.receiver;

import dev.eddy.storage.BlockId;
import dev.eddy.streaming.scheduler.ReceivedBlockInfo;
import dev.eddy.util.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs one {@link Receiver}, as Spark's {@code ReceiverSupervisor}: starts and stops it, restarts
 * it after the restart delay when it asks to, cuts its records into blocks with a
 * {@link BlockGenerator}, stores each block through a {@link ReceivedBlockHandler} and reports it
 * to the receiver tracker. The restart delay is waited on the context's clock, so a
 * {@link dev.eddy.util.ManualClock} decides when a restarted receiver comes back. Engine
 * machinery; thread-safe.
 *
 * @param <T> the record type
 */
public final class ReceiverSupervisor<T> {
  private enum ReceiverState { INITIALIZED, STARTED, STOPPED }

  private final Receiver<T> receiver;
  private final int streamId;
  private final Clock clock;
  private final long restartDelayMillis;
  private final long maxRate;
  private final RateLimiter rateLimiter;
  private final BlockGenerator<T> generator;
  private final ReceivedBlockHandler handler;
  private final Consumer<ReceivedBlockInfo> reportBlock;
  private final AtomicLong nextBlockId = new AtomicLong();
  private final Set<Thread> waitingForRate = ConcurrentHashMap.newKeySet();
  private volatile ReceiverState state = ReceiverState.INITIALIZED;
  private volatile String lastError;
  private boolean stoppedForGood;
  private Thread restarter;

  /**
   * @param conf block interval, restart delay and rate limits; with backpressure the receiver
   *     starts at the initial rate, otherwise at the maximum rate
   * @param reportBlock receives each stored block, in order per block source
   */
  public ReceiverSupervisor(
      Receiver<T> receiver, int streamId, ReceiverConf conf, Clock clock, ReceivedBlockHandler handler,
      Consumer<ReceivedBlockInfo> reportBlock) {
    this.receiver = receiver;
    this.streamId = streamId;
    this.clock = clock;
    this.restartDelayMillis = conf.restartDelayMillis();
    this.maxRate = conf.maxRate();
    this.rateLimiter = new RateLimiter(clock, conf.backpressure() ? conf.initialRate() : conf.maxRate());
    this.handler = handler;
    this.reportBlock = reportBlock;
    this.generator = new BlockGenerator<>(
        clock, conf.blockIntervalMillis(), rateLimiter, this::pushGeneratedBlock, "eddy-block-generator-" + streamId);
    receiver.attach(this);
  }

  /** Returns the id of the input stream the receiver feeds. */
  public int streamId() {
    return streamId;
  }

  /** Starts cutting blocks, then the receiver. */
  public void start() {
    generator.start();
    startReceiver();
  }

  /**
   * Stops the receiver for good, then the block generator: gracefully its last partial block is
   * stored and reported, otherwise dropped. Callers blocked in {@code store} by the rate limit
   * are interrupted and get an {@link IllegalStateException}.
   */
  public void stop(boolean graceful) {
    Thread pendingRestart;
    synchronized (this) {
      stoppedForGood = true;
      pendingRestart = restarter;
    }
    if (pendingRestart != null && pendingRestart != Thread.currentThread()) {
      pendingRestart.interrupt();
      joinQuietly(pendingRestart);
    }
    stopReceiverOnce("Stopped by the streaming context", null);
    waitingForRate.forEach(Thread::interrupt);
    generator.stop(graceful);
  }

  /** Returns the receiver's rate limit in records per second; {@code Long.MAX_VALUE} when unlimited. */
  public long rateLimit() {
    return rateLimiter.rate();
  }

  /** Sets the rate limit to {@code newRate}, capped at the maximum rate; ignored unless positive (as Spark). */
  public void updateRate(long newRate) {
    if (newRate > 0) {
      rateLimiter.setRate(Math.min(newRate, maxRate));
    }
  }

  /** Returns the last error the receiver reported or restarted for, if any. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  // ---------------------------------------------------------------- called through Receiver

  void pushSingle(T record) {
    Thread current = Thread.currentThread();
    waitingForRate.add(current);
    try {
      generator.addData(record);
    } catch (InterruptedException e) {
      current.interrupt();
      throw new IllegalStateException("receiver of stream " + streamId + " stopped while waiting for its rate limit", e);
    } finally {
      waitingForRate.remove(current);
    }
  }

  void pushBlock(List<T> records) {
    if (!records.isEmpty()) {
      pushAndReport(records);
    }
  }

  void reportError(String message, Throwable error) {
    String described = describe(message, error);
    System.err.println("Eddy: receiver of stream " + streamId + " reported an error: " + described);
    lastError = described;
  }

  synchronized void restartReceiver(String message, Throwable error) {
    if (stoppedForGood || restarter != null) {
      return;
    }
    long deadline = clock.getTimeMillis() + restartDelayMillis;
    String described = describe(message, error);
    System.err.println(
        "Eddy: restarting the receiver of stream " + streamId + " in " + restartDelayMillis + " ms: " + described);
    lastError = described;
    restarter = new Thread(() -> restartAt(deadline, message, error), "eddy-receiver-restart-" + streamId);
    restarter.setDaemon(true);
    restarter.start();
  }

  void stopReceiver(String message, Throwable error) {
    synchronized (this) {
      stoppedForGood = true;
    }
    if (error != null) {
      reportError(message, error);
    }
    stopReceiverOnce(message, error);
    generator.stop(true);
  }

  boolean isReceiverStarted() {
    return state == ReceiverState.STARTED;
  }

  boolean isReceiverStopped() {
    return state == ReceiverState.STOPPED;
  }

  // ---------------------------------------------------------------- machinery

  private void restartAt(long deadline, String message, Throwable error) {
    stopReceiverOnce("Restarting receiver: " + message, error);
    try {
      if (restartDelayMillis > 0) {
        clock.waitTillTime(deadline);
      }
    } catch (InterruptedException e) {
      return;
    }
    synchronized (this) {
      restarter = null;
      if (stoppedForGood) {
        return;
      }
    }
    startReceiver();
  }

  private void startReceiver() {
    synchronized (this) {
      if (stoppedForGood) {
        return;
      }
      state = ReceiverState.STARTED;
    }
    try {
      receiver.onStart();
    } catch (Throwable e) {
      stopReceiverOnce("onStart failed", e);
      reportError("the receiver's onStart failed; it is stopped", e);
    }
  }

  private void stopReceiverOnce(String message, Throwable error) {
    synchronized (this) {
      if (state != ReceiverState.STARTED) {
        return;
      }
      state = ReceiverState.STOPPED;
    }
    try {
      receiver.onStop();
    } catch (Throwable e) {
      reportError("the receiver's onStop failed (while stopping: " + message + ")", e);
    }
  }

  private void pushGeneratedBlock(List<T> records) {
    try {
      pushAndReport(records);
    } catch (RuntimeException e) {
      reportError("could not store a block of " + records.size() + " records; they are lost", e);
    }
  }

  private void pushAndReport(List<T> records) {
    BlockId.Stream id = new BlockId.Stream(streamId, nextBlockId.getAndIncrement());
    ReceivedBlockStoreResult stored = handler.storeBlock(id, records);
    reportBlock.accept(new ReceivedBlockInfo(streamId, stored.numRecords(), stored.blockId()));
  }

  private static String describe(String message, Throwable error) {
    return error == null ? message : message + ": " + error;
  }

  private static void joinQuietly(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
