package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.internal.InputDStream;
import dev.eddy.streaming.dstream.internal.ReceiverInputDStream;
import dev.eddy.streaming.receiver.BlockManagerBasedBlockHandler;
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
 */
public final class ReceiverTracker {
  private final StreamingContext ssc;
  private final ReceivedBlockTracker blocks = new ReceivedBlockTracker();
  private final Map<Integer, ReceiverSupervisor<?>> supervisors = new ConcurrentHashMap<>();
  private final Map<Integer, RateController> rateControllers = new ConcurrentHashMap<>();

  public ReceiverTracker(StreamingContext ssc) {
    this.ssc = ssc;
  }

  /**
   * Starts a supervisor per receiver input stream of the context's running graph; warns when
   * {@code local[1]} leaves no core to process. A restarted context starts fresh supervisors.
   */
  public synchronized void start() {
    supervisors.clear();
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
    var handler = new BlockManagerBasedBlockHandler(ssc.sparkContext().blockManager(), receiver.storageLevel());
    var supervisor = new ReceiverSupervisor<>(receiver, stream.id(), conf, ssc.clock(), handler, blocks::addBlock);
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
    rateControllers.values().forEach(ssc::removeStreamingListener);
    if (!graceful) {
      blocks.dropUnallocated().forEach(b -> ssc.sparkContext().blockManager().remove(b.blockId()));
    }
  }

  /** Allocates every block received so far to the batch at {@code time}; called before its jobs are generated. */
  public void allocateBlocksToBatch(Time time) {
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
}
