package dev.eddy.scheduler;

import dev.eddy.TaskContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.Aggregator;
import dev.eddy.rdd.Partitioner;
import dev.eddy.rdd.ShuffleDependency;
import dev.eddy.shuffle.ShuffleManager;
import dev.eddy.shuffle.ShuffleWriter;
import java.util.Iterator;

/**
 * Computes one partition of a shuffle's parent and writes its pairs into one bucket per reduce
 * partition, combining values by key first when the shuffle asks for map-side combine, through a
 * {@link ShuffleWriter} that spills to disk beyond the shuffle's memory budget. Immutable.
 */
final class ShuffleMapTask<K, V, C> extends Task<Void> {
  private final ShuffleDependency<K, V, C> dependency;
  private final ShuffleManager shuffles;

  ShuffleMapTask(ShuffleDependency<K, V, C> dependency, int partitionId, ShuffleManager shuffles) {
    super(partitionId);
    this.dependency = dependency;
    this.shuffles = shuffles;
  }

  @Override
  Void run(TaskContext context) {
    var rdd = dependency.rdd();
    Iterator<Tuple2<K, V>> records = rdd.iterator(rdd.partitions().get(partitionId()), context);
    Partitioner partitioner = dependency.partitioner();
    try (ShuffleWriter writer = shuffles.writer(context.jobId(), dependency.shuffleId(), partitionId(),
        rdd.getNumPartitions(), partitioner.numPartitions())) {
      if (dependency.mapSideCombine()) {
        Aggregator<K, V, C> aggregator = dependency.aggregator().orElseThrow();
        ShuffleWriter.Combine<K, V, C> combine = aggregator::addValue;
        while (records.hasNext()) {
          Tuple2<K, V> pair = records.next();
          writer.combine(partitioner.getPartition(pair._1()), pair._1(), pair._2(), combine);
        }
      } else {
        while (records.hasNext()) {
          Tuple2<K, V> pair = records.next();
          writer.add(partitioner.getPartition(pair._1()), pair);
        }
      }
      writer.commit();
    }
    return null;
  }
}
