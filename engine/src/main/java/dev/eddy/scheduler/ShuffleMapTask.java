package dev.eddy.scheduler;

import dev.eddy.TaskContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.Aggregator;
import dev.eddy.rdd.Partitioner;
import dev.eddy.rdd.ShuffleDependency;
import dev.eddy.shuffle.ShuffleManager;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes one partition of a shuffle's parent and writes its pairs into one bucket per reduce
 * partition, combining values by key first when the shuffle asks for map-side combine. Immutable.
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
    Iterator<Tuple2<K, V>> records =
        context.taskMetrics().countRecordsWritten(rdd.iterator(rdd.partitions().get(partitionId()), context));
    List<List<?>> buckets =
        dependency.mapSideCombine() ? combinedBuckets(records) : plainBuckets(records);
    long written = 0;
    for (List<?> bucket : buckets) {
      written += bucket.size();
    }
    // in-memory outputs are kept by reference: no bytes are serialized
    context.taskMetrics().incShuffleWrite(written, 0);
    shuffles.putMapOutput(
        context.jobId(), dependency.shuffleId(), partitionId(), rdd.getNumPartitions(), buckets);
    return null;
  }

  private List<List<?>> plainBuckets(Iterator<Tuple2<K, V>> records) {
    Partitioner partitioner = dependency.partitioner();
    List<List<?>> buckets = new ArrayList<>();
    List<List<Tuple2<K, V>>> typed = new ArrayList<>();
    for (int i = 0; i < partitioner.numPartitions(); i++) {
      List<Tuple2<K, V>> bucket = new ArrayList<>();
      typed.add(bucket);
      buckets.add(bucket);
    }
    while (records.hasNext()) {
      Tuple2<K, V> pair = records.next();
      typed.get(partitioner.getPartition(pair._1())).add(pair);
    }
    return buckets;
  }

  private List<List<?>> combinedBuckets(Iterator<Tuple2<K, V>> records) {
    Partitioner partitioner = dependency.partitioner();
    Aggregator<K, V, C> aggregator = dependency.aggregator().orElseThrow();
    List<Map<K, C>> combiners = new ArrayList<>();
    for (int i = 0; i < partitioner.numPartitions(); i++) {
      combiners.add(new LinkedHashMap<>());
    }
    while (records.hasNext()) {
      Tuple2<K, V> pair = records.next();
      aggregator.addValue(combiners.get(partitioner.getPartition(pair._1())), pair._1(), pair._2());
    }
    List<List<?>> buckets = new ArrayList<>();
    for (Map<K, C> bucket : combiners) {
      List<Tuple2<K, C>> pairs = new ArrayList<>(bucket.size());
      bucket.forEach((k, c) -> pairs.add(new Tuple2<>(k, c)));
      buckets.add(pairs);
    }
    return buckets;
  }
}
