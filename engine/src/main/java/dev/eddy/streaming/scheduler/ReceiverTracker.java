package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.internal.InputDStream;
import dev.eddy.streaming.dstream.internal.ReceiverInputDStream;
import dev.eddy.EddyConf;
import dev.eddy.streaming.receiver.BlockManagerBasedBlockHandler;
import dev.eddy.streaming.receiver.ReceivedBlockHandler;
import dev.eddy.streaming.receiver.WriteAheadLogBasedBlockHandler;
import dev.eddy.streaming.util.FileBasedWriteAheadLog;
import dev.eddy.streaming.util.WriteAheadLogSettings;
import java.nio.file.Path;
import dev.eddy.streaming.receiver.Receiver;
import dev.eddy.streaming.receiver.ReceiverConf;
import dev.eddy.streaming.receiver.ReceiverSupervisor;
import dev.eddy.streaming.scheduler.rate.PIDRateEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the receivers of a context's receiver input streams and keeps track of the blocks they
 * store, as Spark's {@code ReceiverTracker}: at start it gives each receiver a
 * {@link ReceiverSupervisor} (its own threads, not a task slot) and, with backpressure, a
 * {@link RateController} listening to completed batches; at each batch the job generator
 * allocates the blocks received so far to the batch. Stopping stops the receivers first; a
 * graceful stop keeps their last blocks for a final batch, a non-graceful one drops blocks not
 * yet allocated. Engine machinery; thread-safe.
 *
 * <p><b>Write-ahead log.</b> With {@code eddy.streaming.receiver.writeAheadLog.enable} (or
 * Spark's {@code spark.streaming.receiver.writeAheadLog.enable}) each receiver stores its blocks
 * through a {@link WriteAheadLogBasedBlockHandler}, and the block tracker logs its events to
 * {@code <checkpointDir>/receivedBlockMetadata}. {@link #prepare()} opens that log before a run's
 * first batch and replays it: blocks received but never allocated go to the next batch, and
 * batches allocated but never completed are {@linkplain #recoveredBatches() recovered}, for the
 * job generator to run again. A batch counts as completed once {@link #batchCompleted} recorded it
 * (the job scheduler calls it after the batch's jobs ran, whether they succeeded or not); a
 * non-graceful stop closes the log first, so what it interrupts or drops is recovered by the next
 * start on the same checkpoint directory.
 */
public final class ReceiverTracker {
  private final StreamingContext ssc;
  /** The block tracker's log directory under the checkpoint directory, as Spark's. */
  public static final String BLOCK_METADATA_DIRECTORY = "receivedBlockMetadata";

  private volatile ReceivedBlockTracker blocks = new ReceivedBlockTracker();
  private final Map<Integer, ReceivedBlockHandler> handlers = new ConcurrentHashMap<>();
  private final Map<Integer, ReceiverSupervisor<?>> supervisors = new ConcurrentHashMap<>();
  private final Map<Integer, RateController> rateControllers = new ConcurrentHashMap<>();

  public ReceiverTracker(StreamingContext ssc) {
    this.ssc = ssc;
  }

  /**
   * Prepares a run, before its first batch: with the receiver write-ahead log enabled and a
   * receiver stream defined, opens the block tracker's log and recovers its past events (see the
   * class comment); otherwise keeps the in-memory tracker. Closes a previous run's log still open.
   *
   * @throws IllegalStateException naming both settings if the write-ahead log is enabled and no
   *     checkpoint directory is set
   * @throws dev.eddy.streaming.util.WalCorruptionException if the log holds damaged data
   */
  public synchronized void prepare() {
    closeLogs();
    boolean hasReceivers = ssc.graph().inputStreams().stream().anyMatch(s -> s instanceof ReceiverInputDStream<?>);
    if (!hasReceivers || !ReceiverConf.writeAheadLogEnabled(ssc.conf())) {
      if (blocks.hasLog()) {
        blocks = new ReceivedBlockTracker();
      }
      return;
    }
    Path dir = ssc.checkpointDirectory().orElseThrow(() -> new IllegalStateException(
        "Cannot enable the receiver write-ahead log (" + ReceiverConf.settingName(ssc.conf(), EddyConf.STREAMING_RECEIVER_WAL_ENABLED)
            + " = true) without a checkpoint directory: set one with ssc.checkpoint(dir), under which the log is"
            + " kept, or set " + EddyConf.STREAMING_RECEIVER_WAL_ENABLED.name() + " to false"));
    var log = FileBasedWriteAheadLog.open(dir.resolve(BLOCK_METADATA_DIRECTORY), WriteAheadLogSettings.fromConf(ssc.conf()), ssc.clock());
    try {
      blocks = ReceivedBlockTracker.withLog(log, ssc.sparkContext().serializer(), ssc.clock());
    } catch (RuntimeException e) {
      log.close();
      throw e;
    }
  }

  /**
   * Returns the batches that the write-ahead log showed allocated but not completed when
   * {@link #prepare()} recovered it, oldest first; the job generator runs them again before its
   * first batch (with their recovered blocks, read back from the receivers' logs). Empty without
   * the log.
   */
  public List<Time> recoveredBatches() {
    return blocks.recoveredBatches();
  }

  /**
   * Records that the batch at {@code time} completed (its jobs ran, successfully or not), so a
   * recovery does not run it again, and drops the log segments no later batch needs: the tracker's
   * and the receivers' records from before the previous batch interval. Called by the job
   * scheduler after each batch; does nothing without the write-ahead log.
   */
  public void batchCompleted(Time time) {
    ReceivedBlockTracker tracker = blocks;
    if (!tracker.isLogging()) {
      return;
    }
    long cleanBefore = time.milliseconds() - ssc.batchDuration().milliseconds();
    tracker.batchesCompleted(time, cleanBefore);
    handlers.values().forEach(h -> cleanQuietly(h, cleanBefore));
  }

  /** Closes the block tracker's write-ahead log; the job scheduler calls it when a run's batches are done. Idempotent. */
  public synchronized void closeLogs() {
    blocks.closeLog();
  }

  /**
   * Starts a supervisor per receiver input stream of the context's running graph; warns when
   * {@code local[1]} leaves no core to process. A restarted context starts fresh supervisors.
   */
  public synchronized void start() {
    supervisors.clear();
    handlers.clear();
    rateControllers.clear();
    List<ReceiverInputDStream<?>> streams = new ArrayList<>();
    for (InputDStream<?> input : ssc.graph().runningInputStreams()) {
      if (input instanceof ReceiverInputDStream<?> r) {
        streams.add(r);
      }
    }
    if (streams.isEmpty()) {
      return;
    }
    if (ssc.sparkContext().defaultParallelism() == 1) {
      System.err.println("Eddy: WARN spark.master should be set as local[n], n > 1 in local mode if you have receivers"
          + " to get data, otherwise Spark jobs will not get resources to process the received data"
          + " (master is " + ssc.sparkContext().master() + ", and as in Spark each receiver takes a core)");
    }
    ReceiverConf conf = ReceiverConf.from(ssc.conf());
    for (ReceiverInputDStream<?> stream : streams) {
      supervise(stream, conf).start();
    }
  }

  private <T> ReceiverSupervisor<T> supervise(ReceiverInputDStream<T> stream, ReceiverConf conf) {
    Receiver<T> receiver = stream.getReceiver();
    ReceivedBlockTracker tracker = blocks;
    ReceivedBlockHandler handler = tracker.isLogging()
        ? new WriteAheadLogBasedBlockHandler(ssc.sparkContext().blockManager(), ssc.sparkContext().serializer(),
            stream.id(), receiver.storageLevel(), ssc.checkpointDirectory().orElseThrow(),
            WriteAheadLogSettings.fromConf(ssc.conf()), ssc.clock())
        : new BlockManagerBasedBlockHandler(ssc.sparkContext().blockManager(), receiver.storageLevel());
    handlers.put(stream.id(), handler);
    var supervisor = new ReceiverSupervisor<>(
        receiver, stream.id(), conf, ssc.clock(), handler, tracker::addBlock, tracker.nextBlockId(stream.id()));
    supervisors.put(stream.id(), supervisor);
    if (conf.backpressure()) {
      var estimator = new PIDRateEstimator(
          ssc.batchDuration().milliseconds(), conf.proportional(), conf.integral(), conf.derived(), conf.minRate());
      var controller = new RateController(stream.id(), estimator, supervisor::updateRate);
      rateControllers.put(stream.id(), controller);
      ssc.addStreamingListener(controller);
    }
    return supervisor;
  }

  /**
   * Stops every receiver and its block generator: gracefully the last partial blocks are stored
   * and wait for a batch, otherwise they and every block not yet allocated are dropped.
   */
  public synchronized void stop(boolean graceful) {
    supervisors.values().forEach(s -> s.stop(graceful));
    handlers.values().forEach(ReceivedBlockHandler::close);
    rateControllers.values().forEach(ssc::removeStreamingListener);
    if (!graceful) {
      // before anything is dropped or interrupted: the log keeps it for the next start
      closeLogs();
      blocks.dropUnallocated().forEach(b -> ssc.sparkContext().blockManager().remove(b.blockId()));
    }
  }

  /**
   * Allocates every block received so far to the batch at {@code time}; called before its jobs
   * are generated. With the write-ahead log the receivers' logs are flushed first, so a batch's
   * allocation is never more durable than its blocks.
   */
  public void allocateBlocksToBatch(Time time) {
    handlers.values().forEach(ReceiverTracker::flushQuietly);
    blocks.allocateBlocksToBatch(time);
  }

  /** Returns the blocks of stream {@code streamId} allocated to the batch at {@code time}. */
  public List<ReceivedBlockInfo> getBlocksOfBatch(Time time, int streamId) {
    return blocks.getBlocksOfBatch(time, streamId);
  }

  /** Returns the blocks of stream {@code streamId} stored and reported but not yet allocated to a batch. */
  public List<ReceivedBlockInfo> getUnallocatedBlocks(int streamId) {
    return blocks.getUnallocatedBlocks(streamId);
  }

  /** Returns whether some received block awaits a batch. */
  public boolean hasUnallocatedBlocks() {
    return blocks.hasUnallocatedBlocks();
  }

  /** Forgets and removes from the block manager the blocks of stream {@code streamId} of batches up to {@code time}. */
  public void cleanupOldBlocks(Time time, int streamId) {
    blocks.cleanupOldBatches(time, streamId).forEach(b -> ssc.sparkContext().blockManager().remove(b.blockId()));
  }

  /** Returns the supervisor of stream {@code streamId}'s receiver, once started. */
  public Optional<ReceiverSupervisor<?>> supervisor(int streamId) {
    return Optional.ofNullable(supervisors.get(streamId));
  }

  /** Returns the rate controller of stream {@code streamId}, when backpressure is enabled. */
  public Optional<RateController> rateController(int streamId) {
    return Optional.ofNullable(rateControllers.get(streamId));
  }

  private static void flushQuietly(ReceivedBlockHandler handler) {
    try {
      handler.flush();
    } catch (IllegalStateException closed) {
      // the receiver stopped and its log closed, which synced it
    }
  }

  private static void cleanQuietly(ReceivedBlockHandler handler, long threshTime) {
    try {
      handler.cleanupOldBlocks(threshTime);
    } catch (IllegalStateException closed) {
      // the receiver stopped and its log closed; the next run cleans
    }
  }
}
