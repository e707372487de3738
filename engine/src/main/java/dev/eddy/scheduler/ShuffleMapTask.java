package dev.eddy.scheduler;

import dev.eddy.TaskContext;
import dev.eddy.api.Function;
import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.Aggregator;
import dev.eddy.rdd.Partitioner;
import dev.eddy.rdd.ShuffleDependency;
import dev.eddy.rdd.internal.CombinerMap;
import dev.eddy.shuffle.ShuffleManager;
import dev.eddy.shuffle.ShuffleWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Computes one partition of a shuffle's parent and writes its pairs into one bucket per reduce
 * partition, combining values by key first when the shuffle asks for map-side combine. Plain
 * pairs go through a {@link ShuffleWriter}, which spills while the task runs; combined buckets
 * (bounded by the number of keys) are handed over whole and spilled if they do not fit. Immutable.
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
    // the bucketing loops count the records they take: one wrapper less on the hot path
    Iterator<Tuple2<K, V>> records = rdd.iterator(rdd.partitions().get(partitionId()), context);
    long written = 0;
    if (dependency.mapSideCombine()) {
      List<List<?>> buckets = combinedBuckets(records, context);
      for (List<?> bucket : buckets) {
        written += bucket.size();
      }
      shuffles.putMapOutput(
          context.jobId(), dependency.shuffleId(), partitionId(), rdd.getNumPartitions(), buckets);
    } else {
      written = writePlain(context, records);
    }
    // in-memory outputs are kept by reference: no bytes are serialized
    context.taskMetrics().incShuffleWrite(written, 0);
    return null;
  }

  /** Writes the pairs as they come, through a writer that spills beyond the shuffle's memory budget. */
  private long writePlain(TaskContext context, Iterator<Tuple2<K, V>> records) {
    Partitioner partitioner = dependency.partitioner();
    long written = 0;
    try (ShuffleWriter writer = shuffles.writer(context.jobId(), dependency.shuffleId(), partitionId(),
        dependency.rdd().getNumPartitions(), partitioner.numPartitions())) {
      while (records.hasNext()) {
        Tuple2<K, V> pair = records.next();
        writer.add(partitioner.getPartition(pair._1()), pair);
        written++;
      }
      writer.commit();
    }
    context.taskMetrics().incRecordsWritten(written);
    return written;
  }

  private List<List<?>> combinedBuckets(Iterator<Tuple2<K, V>> records, TaskContext context) {
    Partitioner partitioner = dependency.partitioner();
    Aggregator<K, V, C> aggregator = dependency.aggregator().orElseThrow();
    Function<V, C> create = aggregator.createCombiner();
    Function2<C, V, C> merge = aggregator.mergeValue();
    int numBuckets = partitioner.numPartitions();
    List<CombinerMap<K, C>> combiners = new ArrayList<>(numBuckets);
    for (int i = 0; i < numBuckets; i++) {
      combiners.add(new CombinerMap<>(64));
    }
    long taken = 0;
    while (records.hasNext()) {
      Tuple2<K, V> pair = records.next();
      K key = pair._1();
      CombinerMap<K, C> bucket = numBuckets == 1 ? combiners.get(0) : combiners.get(partitioner.getPartition(key));
      bucket.addValue(key, pair._2(), create, merge);
      taken++;
    }
    context.taskMetrics().incRecordsWritten(taken);
    List<List<?>> buckets = new ArrayList<>(numBuckets);
    for (CombinerMap<K, C> bucket : combiners) {
      buckets.add(bucket.toPairs());
    }
    return buckets;
  }
}
