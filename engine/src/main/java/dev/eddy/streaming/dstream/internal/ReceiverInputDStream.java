package dev.eddy.streaming.dstream.internal;

import dev.eddy.rdd.RDD;
import dev.eddy.rdd.internal.BlockRDD;
import dev.eddy.storage.BlockId;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.receiver.Receiver;
import dev.eddy.streaming.receiver.ReceiverConf;
import dev.eddy.streaming.scheduler.ReceivedBlockInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An input stream fed by a {@link Receiver}, as Spark's {@code ReceiverInputDStream}: when the
 * context starts, the receiver tracker runs the stream's receiver; each batch is a
 * {@link BlockRDD} of the blocks allocated to it (one partition per block), and reports their
 * record count and block ids as the batch's input info. A batch's blocks are removed from the
 * block manager when the stream forgets the batch. Thread-safe.
 */
public abstract class ReceiverInputDStream<T> extends InputDStream<T> {
  /** Metadata key of the blocks a batch read: a list of block names. */
  public static final String METADATA_KEY_BLOCKS = "blocks";

  /** @throws IllegalArgumentException naming the key if a receiver setting of the context's conf is invalid */
  protected ReceiverInputDStream(StreamingContext ssc) {
    super(ssc);
    ReceiverConf.from(ssc.conf());
  }

  /** Returns the receiver to run for this stream; called once, when the context starts. */
  public abstract Receiver<T> getReceiver();

  @Override
  public Optional<RDD<T>> compute(Time validTime) {
    List<ReceivedBlockInfo> blocks = context().receiverTracker().getBlocksOfBatch(validTime, id());
    long records = blocks.stream().mapToLong(ReceivedBlockInfo::numRecords).sum();
    List<BlockId.Stream> ids = blocks.stream().map(ReceivedBlockInfo::blockId).toList();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(METADATA_KEY_BLOCKS, ids.stream().map(BlockId::name).toList());
    reportInput(validTime, records, metadata);
    return Optional.of(new BlockRDD<>(context().sparkContext(), ids));
  }

  @Override
  public void clearMetadata(Time time) {
    super.clearMetadata(time);
    context().receiverTracker().cleanupOldBlocks(time, id());
  }
}
