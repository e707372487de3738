package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.Time;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps track of received blocks, as Spark's {@code ReceivedBlockTracker}: blocks reported by
 * receivers wait unallocated until a batch is generated, when all of them are allocated to that
 * batch, so every block (and so every record) belongs to exactly one batch. Thread-safe.
 */
public final class ReceivedBlockTracker {
  private final Map<Integer, List<ReceivedBlockInfo>> unallocated = new HashMap<>();
  private final TreeMap<Time, Map<Integer, List<ReceivedBlockInfo>>> allocated = new TreeMap<>();
  private Time lastAllocatedBatch;

  /** Adds a block reported by a receiver; it goes to the next batch allocated. */
  public synchronized void addBlock(ReceivedBlockInfo block) {
    unallocated.computeIfAbsent(block.streamId(), id -> new ArrayList<>()).add(block);
  }

  /**
   * Allocates every unallocated block to the batch at {@code time}. A time not after the last
   * allocated batch is ignored, so a batch is never allocated twice.
   */
  public synchronized void allocateBlocksToBatch(Time time) {
    if (lastAllocatedBatch != null && !time.greater(lastAllocatedBatch)) {
      return;
    }
    Map<Integer, List<ReceivedBlockInfo>> batch = new HashMap<>();
    unallocated.forEach((stream, blocks) -> batch.put(stream, List.copyOf(blocks)));
    unallocated.clear();
    allocated.put(time, batch);
    lastAllocatedBatch = time;
  }

  /** Returns the blocks of stream {@code streamId} allocated to the batch at {@code time}, in the order received. */
  public synchronized List<ReceivedBlockInfo> getBlocksOfBatch(Time time, int streamId) {
    Map<Integer, List<ReceivedBlockInfo>> batch = allocated.get(time);
    return batch == null ? List.of() : batch.getOrDefault(streamId, List.of());
  }

  /** Returns the blocks of stream {@code streamId} that await a batch, in the order received. */
  public synchronized List<ReceivedBlockInfo> getUnallocatedBlocks(int streamId) {
    return List.copyOf(unallocated.getOrDefault(streamId, List.of()));
  }

  /** Returns whether some received block awaits a batch. */
  public synchronized boolean hasUnallocatedBlocks() {
    return unallocated.values().stream().anyMatch(blocks -> !blocks.isEmpty());
  }

  /**
   * Forgets the blocks of stream {@code streamId} allocated to batches up to and including
   * {@code time}; returns them.
   */
  public synchronized List<ReceivedBlockInfo> cleanupOldBatches(Time time, int streamId) {
    List<ReceivedBlockInfo> removed = new ArrayList<>();
    var old = allocated.headMap(time, true);
    old.values().forEach(batch -> {
      List<ReceivedBlockInfo> blocks = batch.remove(streamId);
      if (blocks != null) {
        removed.addAll(blocks);
      }
    });
    old.values().removeIf(Map::isEmpty);
    return removed;
  }

  /** Forgets the unallocated blocks and returns them (a non-graceful stop drops them). */
  public synchronized List<ReceivedBlockInfo> dropUnallocated() {
    List<ReceivedBlockInfo> dropped = new ArrayList<>();
    unallocated.values().forEach(dropped::addAll);
    unallocated.clear();
    return dropped;
  }
}
