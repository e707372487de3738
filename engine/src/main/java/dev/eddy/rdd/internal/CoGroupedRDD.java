package dev.eddy.rdd.internal;

import dev.eddy.TaskContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.Dependency;
import dev.eddy.rdd.OneToOneDependency;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.Partitioner;
import dev.eddy.rdd.RDD;
import dev.eddy.rdd.ShuffleDependency;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups the values of several pair RDDs by key, as Spark's {@code CoGroupedRDD}: partition i holds
 * one {@code (key, [values of parent 0, values of parent 1, ...])} per key the partitioner sends to
 * i. The operator behind {@code cogroup}, {@code join} and its outer variants, {@code intersection}
 * and {@code subtract}.
 *
 * <p>A parent already placed by an equal partitioner is read one-to-one, without a shuffle: this is
 * what makes a join of two co-partitioned RDDs narrow. Keys appear in the order first met; null
 * keys and values are allowed. Immutable.
 */
public final class CoGroupedRDD<K> extends RDD<Tuple2<K, List<List<Object>>>> {
  private record CoGroupPartition(int index) implements Partition {}

  private final Partitioner partitioner;

  public CoGroupedRDD(List<? extends RDD<? extends Tuple2<K, ?>>> parents, Partitioner partitioner) {
    super(parents.get(0).context(), dependencies(parents, partitioner), "cogroup");
    this.partitioner = partitioner;
  }

  @SuppressWarnings("unchecked")
  private static <K> List<Dependency<?>> dependencies(
      List<? extends RDD<? extends Tuple2<K, ?>>> parents, Partitioner partitioner) {
    List<Dependency<?>> deps = new ArrayList<>();
    for (RDD<? extends Tuple2<K, ?>> parent : parents) {
      RDD<Tuple2<K, Object>> pairs = (RDD<Tuple2<K, Object>>) (RDD<?>) parent;
      if (parent.partitioner().filter(partitioner::equals).isPresent()) {
        deps.add(new OneToOneDependency<>(pairs));
      } else {
        deps.add(new ShuffleDependency<K, Object, Object>(pairs, partitioner, null, false));
      }
    }
    return deps;
  }

  @Override
  protected List<Partition> getPartitions() {
    List<Partition> partitions = new ArrayList<>();
    for (int i = 0; i < partitioner.numPartitions(); i++) {
      partitions.add(new CoGroupPartition(i));
    }
    return partitions;
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return Optional.of(partitioner);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterator<Tuple2<K, List<List<Object>>>> compute(Partition split, TaskContext context) {
    int n = dependencies().size();
    Map<K, List<List<Object>>> groups = new LinkedHashMap<>();
    for (int d = 0; d < n; d++) {
      Iterator<?> records = read(dependencies().get(d), split, context);
      while (records.hasNext()) {
        Tuple2<K, Object> pair = (Tuple2<K, Object>) records.next();
        groups.computeIfAbsent(pair._1(), k -> emptyGroups(n)).get(d).add(pair._2());
      }
    }
    return groups.entrySet().stream().map(e -> new Tuple2<>(e.getKey(), e.getValue())).iterator();
  }

  private Iterator<?> read(Dependency<?> dep, Partition split, TaskContext context) {
    if (dep instanceof ShuffleDependency<?, ?, ?> shuffle) {
      return context().shuffleManager().read(context.jobId(), shuffle.shuffleId(), split.index());
    }
    RDD<?> parent = dep.rdd();
    return parent.iterator(parent.partitions().get(split.index()), context);
  }

  private static List<List<Object>> emptyGroups(int n) {
    List<List<Object>> groups = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      groups.add(new ArrayList<>());
    }
    return groups;
  }
}
