package dev.eddy.rdd.internal;

import dev.eddy.TaskContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.Aggregator;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.Partitioner;
import dev.eddy.rdd.RDD;
import dev.eddy.rdd.ShuffleDependency;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The result of a shuffle: partition i holds every pair whose key the partitioner sends to i,
 * read from its job's map outputs (in memory or spilled) and combined by key when there is an
 * {@link Aggregator}. Keys appear in the order first met, reading map outputs in partition order.
 * Immutable.
 */
public final class ShuffledRDD<K, V, C> extends RDD<Tuple2<K, C>> {
  private record ShufflePartition(int index) implements Partition {}

  private final ShuffleDependency<K, V, C> dependency;

  public ShuffledRDD(ShuffleDependency<K, V, C> dependency, String operation) {
    super(dependency.rdd().context(), List.of(dependency), operation);
    this.dependency = dependency;
  }

  @Override
  protected List<Partition> getPartitions() {
    List<Partition> partitions = new ArrayList<>();
    for (int i = 0; i < dependency.partitioner().numPartitions(); i++) {
      partitions.add(new ShufflePartition(i));
    }
    return partitions;
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return Optional.of(dependency.partitioner());
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterator<Tuple2<K, C>> compute(Partition split, TaskContext context) {
    Iterator<Object> records = context.taskMetrics().countShuffleRead(
        context().shuffleManager().read(context.jobId(), dependency.shuffleId(), split.index()));
    Optional<Aggregator<K, V, C>> aggregator = dependency.aggregator();
    if (aggregator.isEmpty()) {
      return (Iterator<Tuple2<K, C>>) (Iterator<?>) records;
    }
    if (dependency.mapSideCombine()) {
      return aggregator.get().combineCombinersByKey((Iterator<Tuple2<K, C>>) (Iterator<?>) records);
    }
    return aggregator.get().combineValuesByKey((Iterator<Tuple2<K, V>>) (Iterator<?>) records);
  }
}
