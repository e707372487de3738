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
 * The mutable part of an RDD: its storage level and its checkpoint, reliable (files) or local
 * (cached blocks). An RDD and its typed views ({@code PairRDD}) share one, so persisting or
 * checkpointing either affects both. Thread-safe.
 */
public final class RDDStorageState {
  /** The level a local checkpoint persists at when none was set, as Spark's. */
  public static final StorageLevel LOCAL_CHECKPOINT_LEVEL = StorageLevel.MEMORY_AND_DISK;

  private enum Mark { NONE, RELIABLE, LOCAL }

  /** The parents, until a checkpoint replaces them; then empty, so that they may be collected. */
  private volatile List<Dependency<?>> lineage;
  private volatile StorageLevel level = StorageLevel.NONE;
  private volatile Mark checkpointMark = Mark.NONE;
  private final AtomicBoolean checkpointWriting = new AtomicBoolean();
  /** A {@link CheckpointRDD} or a {@link LocalCheckpointRDD} once the checkpoint is done. */
  private volatile RDD<?> checkpointRDD;

  /** Creates the state of an RDD with the given dependencies, not persisted and not checkpointed. */
  public RDDStorageState(List<Dependency<?>> dependencies) {
    this.lineage = dependencies;
  }

  /** Returns the storage level; {@link StorageLevel#NONE} when not persisted. */
  public StorageLevel level() {
    return level;
  }

  /**
   * Sets the storage level; for an RDD marked for a local checkpoint, the level with disk added
   * (its blocks must not be dropped) and replacing the current one, as Spark.
   *
   * @throws UnsupportedOperationException if another level was already assigned, as Spark
   */
  public synchronized void persist(StorageLevel newLevel) {
    if (newLevel == null) {
      throw new NullPointerException("storage level");
    }
    if (checkpointMark == Mark.LOCAL) {
      level = withDisk(newLevel);
      return;
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

  /** Returns the RDD's dependencies: its parents, or the checkpoint once the RDD is checkpointed. */
  public List<Dependency<?>> dependencies() {
    List<Dependency<?>> parents = lineage; // read before the checkpoint, which is set before the lineage is dropped
    RDD<?> checkpoint = checkpointRDD;
    return checkpoint == null ? parents : List.of(new OneToOneDependency<>(checkpoint));
  }

  /** Returns the RDD that the lineage ends at once checkpointed: its files or its cached blocks. */
  public Optional<RDD<?>> checkpointRDD() {
    return Optional.ofNullable(checkpointRDD);
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
    RDD<T> checkpoint = (RDD<T>) checkpointRDD;
    if (checkpoint != null) {
      return checkpoint.iterator(checkpoint.partitions().get(split.index()), context);
    }
    return rdd.compute(split, context);
  }

  /**
   * Marks the RDD to be checkpointed to files after the next job that computes it; does nothing
   * if it is marked for a local checkpoint, as Spark.
   */
  public synchronized void markForCheckpoint() {
    if (checkpointMark == Mark.NONE) {
      checkpointMark = Mark.RELIABLE;
    }
  }

  /**
   * Marks the RDD to be checkpointed locally after the next job that computes it, as Spark's
   * {@code localCheckpoint}: persists it at {@link #LOCAL_CHECKPOINT_LEVEL}, or adds disk to its
   * level, and replaces a reliable mark not yet written. Does nothing more once a checkpoint is done.
   */
  public synchronized void markForLocalCheckpoint() {
    level = level.isValid() ? withDisk(level) : LOCAL_CHECKPOINT_LEVEL;
    if (checkpointRDD == null) {
      checkpointMark = Mark.LOCAL;
    }
  }

  /** Returns whether the RDD is marked and not yet checkpointed: the next job should do it. */
  public boolean needsCheckpoint() {
    return checkpointMark != Mark.NONE && checkpointRDD == null;
  }

  /** Returns whether the RDD was marked for a local checkpoint (done or not). */
  public boolean isLocallyCheckpointed() {
    return checkpointMark == Mark.LOCAL;
  }

  private static StorageLevel withDisk(StorageLevel level) {
    return StorageLevel.create(true, level.useMemory(), level.deserialized(), level.replication());
  }

  /** Claims the writing of the checkpoint; false if another job is writing it. */
  boolean startWriting() {
    return checkpointWriting.compareAndSet(false, true);
  }

  /** Records the written checkpoint, which truncates the lineage, or releases the claim after a failure. */
  void finishWriting(RDD<?> written) {
    checkpointRDD = written;
    if (written != null) {
      lineage = List.of();
    }
    checkpointWriting.set(false);
  }

  /** Returns whether the RDD's checkpoint is done, in files or in its cached blocks. */
  public boolean isCheckpointed() {
    return checkpointRDD != null;
  }

  /** Returns the checkpoint's directory once written; empty for a local checkpoint. */
  public Optional<String> checkpointFile() {
    return checkpointRDD instanceof CheckpointRDD<?> files ? Optional.of(files.dir().toString()) : Optional.empty();
  }
}
