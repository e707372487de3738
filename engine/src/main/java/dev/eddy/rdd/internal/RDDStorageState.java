package dev.eddy.rdd.internal;

import dev.eddy.TaskContext;
import dev.eddy.rdd.Dependency;
import dev.eddy.rdd.OneToOneDependency;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.RDD;
import dev.eddy.storage.BlockId;
import dev.eddy.storage.StorageLevel;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The mutable part of an RDD: its storage level and its checkpoint. An RDD and its typed views
 * ({@code PairRDD}) share one, so persisting or checkpointing either affects both. Thread-safe.
 */
public final class RDDStorageState {
  private volatile StorageLevel level = StorageLevel.NONE;
  private volatile boolean checkpointMarked;
  private final AtomicBoolean checkpointWriting = new AtomicBoolean();
  private volatile CheckpointRDD<?> checkpointRDD;

  /** Returns the storage level; {@link StorageLevel#NONE} when not persisted. */
  public StorageLevel level() {
    return level;
  }

  /**
   * Sets the storage level.
   *
   * @throws UnsupportedOperationException if another level was already assigned, as Spark
   */
  public synchronized void persist(StorageLevel newLevel) {
    if (newLevel == null) {
      throw new NullPointerException("storage level");
    }
    if (level.isValid() && !level.equals(newLevel)) {
      throw new UnsupportedOperationException(
          "Cannot change storage level of an RDD after it was already assigned a level (it is "
              + level.description() + ", asked for " + newLevel.description() + ")");
    }
    level = newLevel;
  }

  /** Forgets the storage level and removes the RDD's cached blocks. */
  public synchronized void unpersist(RDD<?> rdd) {
    level = StorageLevel.NONE;
    rdd.context().blockManager().removeRdd(rdd.id());
  }

  /** Returns the dependencies to use: those given, or the checkpoint's once the RDD is checkpointed. */
  public List<Dependency<?>> dependencies(List<Dependency<?>> original) {
    CheckpointRDD<?> checkpoint = checkpointRDD;
    return checkpoint == null ? original : List.of(new OneToOneDependency<>(checkpoint));
  }

  /**
   * Returns a partition's elements: from the block manager when the RDD is persisted (computing
   * and storing them on a miss), from the checkpoint files once it is checkpointed, else computed.
   */
  public <T> Iterator<T> iterator(RDD<T> rdd, Partition split, TaskContext context) {
    StorageLevel current = level;
    if (!current.isValid()) {
      return computeOrReadCheckpoint(rdd, split, context);
    }
    return rdd.context().blockManager().getOrElseUpdate(
        BlockId.rdd(rdd.id(), split.index()), current, () -> computeOrReadCheckpoint(rdd, split, context));
  }

  @SuppressWarnings("unchecked")
  private <T> Iterator<T> computeOrReadCheckpoint(RDD<T> rdd, Partition split, TaskContext context) {
    CheckpointRDD<T> checkpoint = (CheckpointRDD<T>) checkpointRDD;
    if (checkpoint != null) {
      return checkpoint.iterator(checkpoint.partitions().get(split.index()), context);
    }
    return rdd.compute(split, context);
  }

  /** Marks the RDD to be checkpointed after the next job that computes it. */
  public void markForCheckpoint() {
    checkpointMarked = true;
  }

  /** Returns whether the RDD is marked and not yet written: the next job should write it. */
  public boolean needsCheckpoint() {
    return checkpointMarked && checkpointRDD == null;
  }

  /** Claims the writing of the checkpoint; false if another job is writing it. */
  boolean startWriting() {
    return checkpointWriting.compareAndSet(false, true);
  }

  /** Records the written checkpoint, which truncates the lineage, or releases the claim after a failure. */
  void finishWriting(CheckpointRDD<?> written) {
    checkpointRDD = written;
    checkpointWriting.set(false);
  }

  /** Returns whether the RDD's partitions were written to its checkpoint directory. */
  public boolean isCheckpointed() {
    return checkpointRDD != null;
  }

  /** Returns the checkpoint's directory once written. */
  public Optional<String> checkpointFile() {
    CheckpointRDD<?> checkpoint = checkpointRDD;
    return checkpoint == null ? Optional.empty() : Optional.of(checkpoint.dir().toString());
  }
}
