package dev.eddy.storage;

/**
 * Names a block kept by the {@link BlockManager}, as Spark's {@code BlockId}: a cached RDD
 * partition ({@code rdd_3_0}), a broadcast value ({@code broadcast_1}) or a shuffle map output
 * spilled to disk ({@code shuffle_spill_0_2_1}) or a block of received stream records ({@code input-1-7}). The name is also the block's file name on disk.
 * Immutable.
 */
public sealed interface BlockId {

  /** Returns the block's name, as Spark prints it. */
  String name();

  /** Returns the id of partition {@code partition} of RDD {@code rddId}. */
  static BlockId rdd(int rddId, int partition) {
    return new Rdd(rddId, partition);
  }

  /** Returns the id of broadcast variable {@code broadcastId}. */
  static BlockId broadcast(long broadcastId) {
    return new Broadcast(broadcastId);
  }

  /** Returns the id of the spilled output of map partition {@code mapId} of a shuffle in one job. */
  static BlockId shuffleSpill(int jobId, int shuffleId, int mapId) {
    return new ShuffleSpill(jobId, shuffleId, mapId);
  }

  /** Returns the id of block {@code uniqueId} received by the receiver of input stream {@code streamId}. */
  static BlockId stream(int streamId, long uniqueId) {
    return new Stream(streamId, uniqueId);
  }

  /** A block of records received by a streaming receiver, as Spark's {@code StreamBlockId}. */
  record Stream(int streamId, long uniqueId) implements BlockId {
    @Override
    public String name() {
      return "input-" + streamId + "-" + uniqueId;
    }
  }

  /** A cached partition of an RDD. */
  record Rdd(int rddId, int partition) implements BlockId {
    @Override
    public String name() {
      return "rdd_" + rddId + "_" + partition;
    }
  }

  /** A broadcast variable's serialized value. */
  record Broadcast(long broadcastId) implements BlockId {
    @Override
    public String name() {
      return "broadcast_" + broadcastId;
    }
  }

  /** A shuffle map output written to disk because the shuffle's memory budget was exceeded. */
  record ShuffleSpill(int jobId, int shuffleId, int mapId) implements BlockId {
    @Override
    public String name() {
      return "shuffle_spill_" + jobId + "_" + shuffleId + "_" + mapId;
    }
  }
}
