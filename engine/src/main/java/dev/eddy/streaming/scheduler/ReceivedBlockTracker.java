package dev.eddy.streaming.scheduler;

import dev.eddy.serializer.Serializer;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.scheduler.ReceivedBlockTrackerLogEvent.BatchAllocationEvent;
import dev.eddy.streaming.scheduler.ReceivedBlockTrackerLogEvent.BatchCleanupEvent;
import dev.eddy.streaming.scheduler.ReceivedBlockTrackerLogEvent.BlockAdditionEvent;
import dev.eddy.streaming.util.FileBasedWriteAheadLog;
import dev.eddy.streaming.util.WriteAheadLog;
import dev.eddy.util.Clock;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps track of received blocks, as Spark's {@code ReceivedBlockTracker}: blocks reported by
 * receivers wait unallocated until a batch is generated, when all of them are allocated to that
 * batch, so every block (and so every record) belongs to exactly one batch.
 *
 * <p>With a write-ahead log ({@link #withLog}) every change is written to the log before it is
 * made: a block added ({@link BlockAdditionEvent}), a batch allocated ({@link BatchAllocationEvent},
 * synced) and batches completed ({@link BatchCleanupEvent}). A tracker opened on a log that holds
 * events replays them, as Spark's {@code recoverPastEvents}: the blocks that awaited a batch await
 * the next one again, and the batches allocated but never completed are
 * {@linkplain #recoveredBatches() recovered} with their blocks, to be run again. After
 * {@link #closeLog()} changes are kept in memory only, so a stopped run cannot mark work done that
 * it did not finish. Thread-safe.
 */
public final class ReceivedBlockTracker {
  private final Map<Integer, List<ReceivedBlockInfo>> unallocated = new HashMap<>();
  private final TreeMap<Time, Map<Integer, List<ReceivedBlockInfo>>> allocated = new TreeMap<>();
  /** Allocated batches whose completion was not recorded yet. */
  private final TreeSet<Time> unfinished = new TreeSet<>();
  private final Map<Integer, Long> nextBlockIds = new HashMap<>();
  private final WriteAheadLog log;
  private final Serializer serializer;
  private final Clock clock;
  private List<Time> recovered = List.of();
  private Time lastAllocatedBatch;
  private boolean logClosed;

  /** Creates a tracker that keeps its state in memory only. */
  public ReceivedBlockTracker() {
    this(null, null, null);
  }

  private ReceivedBlockTracker(WriteAheadLog log, Serializer serializer, Clock clock) {
    this.log = log;
    this.serializer = serializer;
    this.clock = clock;
  }

  /**
   * Returns a tracker that writes its events to {@code log} with {@code serializer}, after
   * replaying the events the log already holds. A block addition's record carries {@code clock}'s
   * time, an allocation's or completion's its batch time.
   *
   * @throws IllegalStateException naming the serializer if a past event cannot be read with it
   */
  public static ReceivedBlockTracker withLog(WriteAheadLog log, Serializer serializer, Clock clock) {
    ReceivedBlockTracker tracker = new ReceivedBlockTracker(log, serializer, clock);
    tracker.recoverPastEvents();
    return tracker;
  }

  /** Adds a block reported by a receiver; it goes to the next batch allocated. */
  public synchronized void addBlock(ReceivedBlockInfo block) {
    write(new BlockAdditionEvent(block), clock == null ? 0 : clock.getTimeMillis(), false);
    insert(block);
  }

  /**
   * Allocates every unallocated block to the batch at {@code time}. A time not after the last
   * allocated batch is ignored, so a batch is never allocated twice (and a recovered batch keeps
   * its recovered blocks when it is generated again).
   */
  public synchronized void allocateBlocksToBatch(Time time) {
    if (lastAllocatedBatch != null && !time.greater(lastAllocatedBatch)) {
      return;
    }
    Map<Integer, List<ReceivedBlockInfo>> batch = new HashMap<>();
    unallocated.forEach((stream, blocks) -> batch.put(stream, List.copyOf(blocks)));
    write(new BatchAllocationEvent(time, batch), time.milliseconds(), true);
    applyAllocation(time, batch);
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
   * {@code time}; returns them. Memory only: {@link #batchesCompleted} records completion.
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

  /**
   * Records that every allocated batch up to and including {@code time} completed (batches run
   * in order): with a log, one {@link BatchCleanupEvent}, so a recovery does not run them again,
   * then the log's segments holding only events from before {@code cleanBefore} are deleted in
   * the background. Returns the batches newly marked.
   */
  public synchronized List<Time> batchesCompleted(Time time, long cleanBefore) {
    List<Time> done = new ArrayList<>(unfinished.headSet(time, true));
    if (!done.isEmpty()) {
      write(new BatchCleanupEvent(done), time.milliseconds(), false);
      done.forEach(unfinished::remove);
    }
    // the segment being written is never deleted, so a log of one segment skips recording the threshold (a sync)
    boolean severalSegments = !(log instanceof FileBasedWriteAheadLog f) || f.segmentFiles().size() > 1;
    if (log != null && !logClosed && severalSegments) {
      log.clean(cleanBefore, false);
    }
    return done;
  }

  /** Forgets the unallocated blocks and returns them (a non-graceful stop drops them). */
  public synchronized List<ReceivedBlockInfo> dropUnallocated() {
    List<ReceivedBlockInfo> dropped = new ArrayList<>();
    unallocated.values().forEach(dropped::addAll);
    unallocated.clear();
    return dropped;
  }

  /**
   * Returns the batches that the log showed allocated but not completed when this tracker was
   * opened, oldest first: a restarted context runs them again. Empty without a log.
   */
  public synchronized List<Time> recoveredBatches() {
    return recovered;
  }

  /** Returns the id after the largest block id of stream {@code streamId} this tracker knows of; 0 if none. */
  public synchronized long nextBlockId(int streamId) {
    return nextBlockIds.getOrDefault(streamId, 0L);
  }

  /** Returns whether this tracker was opened on a write-ahead log (even if closed since). */
  public boolean hasLog() {
    return log != null;
  }

  /** Returns whether this tracker writes to a write-ahead log (until {@link #closeLog()}). */
  public synchronized boolean isLogging() {
    return log != null && !logClosed;
  }

  /** Syncs and closes the log; later changes stay in memory. Idempotent; does nothing without a log. */
  public synchronized void closeLog() {
    if (log != null && !logClosed) {
      logClosed = true;
      log.close();
    }
  }

  // ---------------------------------------------------------------- machinery

  private void write(ReceivedBlockTrackerLogEvent event, long time, boolean sync) {
    if (log == null || logClosed) {
      return;
    }
    log.write(ByteBuffer.wrap(serializer.serialize(event)), Math.max(0, time));
    if (sync) {
      log.flush();
    }
  }

  private void insert(ReceivedBlockInfo block) {
    unallocated.computeIfAbsent(block.streamId(), id -> new ArrayList<>()).add(block);
    nextBlockIds.merge(block.streamId(), block.blockId().uniqueId() + 1, Math::max);
  }

  private void applyAllocation(Time time, Map<Integer, List<ReceivedBlockInfo>> batch) {
    unallocated.clear();
    allocated.put(time, batch);
    unfinished.add(time);
    lastAllocatedBatch = time;
  }

  private synchronized void recoverPastEvents() {
    Iterator<ByteBuffer> records = log.readAll();
    while (records.hasNext()) {
      ByteBuffer record = records.next();
      byte[] bytes = new byte[record.remaining()];
      record.get(bytes);
      ReceivedBlockTrackerLogEvent event;
      try {
        event = serializer.deserialize(bytes);
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot read an event of the received block tracker's write-ahead log with the "
            + serializer.name() + " serializer (was it written with another spark.serializer?): " + e, e);
      }
      if (event instanceof BlockAdditionEvent add) {
        insert(add.block());
      } else if (event instanceof BatchAllocationEvent allocation) {
        applyAllocation(allocation.time(), new HashMap<>(allocation.blocks()));
        allocation.blocks().values().forEach(blocks -> blocks.forEach(
            b -> nextBlockIds.merge(b.streamId(), b.blockId().uniqueId() + 1, Math::max)));
      } else if (event instanceof BatchCleanupEvent cleanup) {
        cleanup.times().forEach(t -> {
          allocated.remove(t);
          unfinished.remove(t);
        });
      }
    }
    recovered = List.copyOf(unfinished);
  }
}
