package dev.eddy.rdd.internal;

import dev.eddy.EddyContext;
import dev.eddy.TaskContext;
import dev.eddy.rdd.Dependency;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.RDD;
import dev.eddy.rdd.RangeDependency;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The partitions of several RDDs side by side, without moving data: partition i of the union is
 * some parent's partition. Duplicates are kept, as in Spark. Immutable.
 */
public final class UnionRDD<T> extends RDD<T> {
  private record UnionPartition<T>(int index, RDD<T> parent, Partition parentPartition) implements Partition {}

  private final List<RDD<T>> parents;

  public UnionRDD(EddyContext sc, List<RDD<T>> parents) {
    super(sc, rangeDependencies(parents), "union");
    this.parents = List.copyOf(parents);
  }

  private static <T> List<Dependency<?>> rangeDependencies(List<RDD<T>> parents) {
    List<Dependency<?>> deps = new ArrayList<>();
    int outStart = 0;
    for (RDD<T> parent : parents) {
      int n = parent.getNumPartitions();
      deps.add(new RangeDependency<>(parent, 0, outStart, n));
      outStart += n;
    }
    return deps;
  }

  @Override
  protected List<Partition> getPartitions() {
    List<Partition> partitions = new ArrayList<>();
    for (RDD<T> parent : parents) {
      for (Partition p : parent.partitions()) {
        partitions.add(new UnionPartition<>(partitions.size(), parent, p));
      }
    }
    return partitions;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterator<T> compute(Partition split, TaskContext context) {
    UnionPartition<T> p = (UnionPartition<T>) split;
    return p.parent().iterator(p.parentPartition(), context);
  }
}
