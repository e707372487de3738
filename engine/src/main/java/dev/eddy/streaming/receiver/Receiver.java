package dev.eddy.streaming.receiver;

import dev.eddy.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Brings data into a stream from a source that pushes it, as Spark's {@code Receiver}: extend it,
 * start your own threads in {@link #onStart()} that read the source and call {@link #store}, and
 * release them in {@link #onStop()}. Pass it to {@code ssc.receiverStream(receiver)}.
 *
 * <pre>{@code
 * class CountingReceiver extends Receiver<Long> {
 *   CountingReceiver() { super(StorageLevel.MEMORY_AND_DISK_SER_2); }
 *   public void onStart() {
 *     new Thread(() -> { for (long i = 0; !isStopped(); i++) store(i); }).start();
 *   }
 *   public void onStop() {}   // the thread above sees isStopped()
 * }
 * }</pre>
 *
 * <p>Records stored one at a time are cut into a block every block interval
 * ({@code eddy.streaming.blockInterval}, 200 ms) and limited to
 * {@code eddy.streaming.receiver.maxRate} per second; records stored in bulk become one block at
 * once. Each block is one partition of the next batch. Blocks are kept at {@link #storageLevel()}.
 *
 * <p>Lifecycle: {@code onStart()} is called when the context starts (and after each restart), on
 * an engine thread, and must not block; {@code onStop()} when it stops or restarts. A receiver may
 * end itself with {@link #stop(String)} or ask to be restarted after
 * {@code eddy.streaming.receiverRestartDelay} with {@link #restart(String)}. A receiver instance
 * belongs to one stream. Thread-safe: every method may be called from any thread.
 *
 * @param <T> the record type
 */
public abstract class Receiver<T> {
  private final StorageLevel storageLevel;
  private volatile ReceiverSupervisor<T> supervisor;

  /** Creates a receiver that keeps its blocks at {@code storageLevel}. */
  protected Receiver(StorageLevel storageLevel) {
    this.storageLevel = Objects.requireNonNull(storageLevel, "storageLevel");
  }

  /** Starts receiving: sets up threads or connections; must return at once. */
  public abstract void onStart();

  /** Stops receiving: releases what {@link #onStart()} set up. */
  public abstract void onStop();

  /** Returns the level at which the receiver's blocks are stored. */
  public StorageLevel storageLevel() {
    return storageLevel;
  }

  /**
   * Stores one record in the current block; waits while the receiver's rate limit is reached.
   *
   * @throws IllegalStateException if the receiver is not running or its context stops while the
   *     call waits for the rate limit
   */
  public void store(T record) {
    supervisor().pushSingle(record);
  }

  /** Stores the iterator's records as one block, at once and regardless of the rate limit. */
  public void store(Iterator<T> records) {
    List<T> list = new ArrayList<>();
    records.forEachRemaining(list::add);
    supervisor().pushBlock(list);
  }

  /** Stores the list's records as one block, at once and regardless of the rate limit. */
  public void store(List<T> records) {
    supervisor().pushBlock(new ArrayList<>(records));
  }

  /** Reports an error without stopping the receiver; it goes to stderr. */
  public void reportError(String message, Throwable error) {
    supervisor().reportError(message, error);
  }

  /** Stops the receiver and starts it again after the restart delay; returns at once. */
  public void restart(String message) {
    restart(message, null);
  }

  /** Stops the receiver because of {@code error} and starts it again after the restart delay; returns at once. */
  public void restart(String message, Throwable error) {
    supervisor().restartReceiver(message, error);
  }

  /**
   * Stops the receiver for good and stores the records of its last block; the stream continues
   * without new data. Call it from the receiver's own threads.
   */
  public void stop(String message) {
    stop(message, null);
  }

  /** Stops the receiver for good because of {@code error}; see {@link #stop(String)}. */
  public void stop(String message, Throwable error) {
    supervisor().stopReceiver(message, error);
  }

  /** Returns whether {@link #onStart()} was called and the receiver has not stopped since. */
  public boolean isStarted() {
    ReceiverSupervisor<T> s = supervisor;
    return s != null && s.isReceiverStarted();
  }

  /** Returns whether the receiver was stopped (for good or while it restarts); false before it first starts. */
  public boolean isStopped() {
    ReceiverSupervisor<T> s = supervisor;
    return s != null && s.isReceiverStopped();
  }

  /** Returns the id of the input stream the receiver feeds; -1 before it is attached. */
  public int streamId() {
    ReceiverSupervisor<T> s = supervisor;
    return s == null ? -1 : s.streamId();
  }

  /**
   * Attaches the supervisor that runs this receiver; engine machinery. A receiver belongs to one
   * stream, whose later runs (after a restart of its context) attach new supervisors.
   */
  void attach(ReceiverSupervisor<T> supervisor) {
    ReceiverSupervisor<T> previous = this.supervisor;
    boolean nextRun = previous != null && previous.streamId() == supervisor.streamId() && previous.isReceiverStopped();
    if (previous != null && !nextRun) {
      throw new IllegalStateException("receiver " + this + " already belongs to stream " + streamId()
          + "; create one receiver per stream");
    }
    this.supervisor = supervisor;
  }

  private ReceiverSupervisor<T> supervisor() {
    ReceiverSupervisor<T> s = supervisor;
    if (s == null) {
      throw new IllegalStateException("receiver " + this + " has not been started by a StreamingContext");
    }
    return s;
  }
}
