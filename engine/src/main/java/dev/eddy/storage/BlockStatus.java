package dev.eddy.storage;

/**
 * Where the copies of one block are now, as Spark's {@code BlockStatus}. Immutable.
 *
 * @param level the level the block was stored at
 * @param copiesInMemory how many copies are in memory (at most {@code level.replication()})
 * @param copiesOnDisk how many copies are on disk
 * @param memorySize estimated heap bytes of the in-memory copies
 * @param diskSize bytes of the on-disk copies
 */
public record BlockStatus(StorageLevel level, int copiesInMemory, int copiesOnDisk, long memorySize, long diskSize) {

  /** Returns whether any copy is stored. */
  public boolean isCached() {
    return copiesInMemory + copiesOnDisk > 0;
  }
}
