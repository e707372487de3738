/**
 * Where persisted data lives, after Spark's {@code org.apache.spark.storage}: {@link
 * dev.eddy.storage.StorageLevel} says how an RDD is kept, the context's {@link
 * dev.eddy.storage.BlockManager} keeps its partitions and the broadcast values as blocks named by
 * {@link dev.eddy.storage.BlockId}, in memory under a byte budget (sized by {@link
 * dev.eddy.storage.SizeEstimator}) and on disk, and reports {@link dev.eddy.storage.StorageMetrics}.
 * Everything under {@code internal} is machinery.
 */
package dev.eddy.storage;
