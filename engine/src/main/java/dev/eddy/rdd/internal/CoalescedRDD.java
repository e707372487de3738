package dev.eddy.rdd.internal;

import dev.eddy.TaskContext;
import dev.eddy.rdd.NarrowDependency;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.RDD;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Fewer partitions made of runs of adjacent parent partitions, without a shuffle, as Spark's
 * {@code CoalescedRDD} (with no locality to weigh, groups are contiguous and as even as possible:
 * partition i reads parents {@code [i*p/n, (i+1)*p/n)}). Asking for more partitions than the
 * parent has keeps the parent's number, as Spark. Elements keep their order. Immutable.
 */
public final class CoalescedRDD<T> extends RDD<T> {
  private record CoalescedPartition(int index, List<Integer> parents) implements Partition {}

  private final RDD<T> parent;
  private final int numPartitions;

  public CoalescedRDD(RDD<T> parent, int maxPartitions) {
    super(parent.context(), List.of(new NarrowDependency<T>(parent) {
      @Override
      public List<Integer> getParents(int partitionId) {
        return range(partitionId, parent.getNumPartitions(), Math.min(maxPartitions, parent.getNumPartitions()));
      }
    }), "coalesce");
    if (maxPartitions < 1) {
      throw new IllegalArgumentException("Number of partitions (" + maxPartitions + ") must be positive.");
    }
    this.parent = parent;
    this.numPartitions = Math.min(maxPartitions, parent.getNumPartitions());
  }

  private static List<Integer> range(int group, int parents, int groups) {
    List<Integer> out = new ArrayList<>();
    for (long i = (long) group * parents / groups; i < (long) (group + 1) * parents / groups; i++) {
      out.add((int) i);
    }
    return out;
  }

  @Override
  protected List<Partition> getPartitions() {
    List<Partition> partitions = new ArrayList<>();
    for (int i = 0; i < numPartitions; i++) {
      partitions.add(new CoalescedPartition(i, range(i, parent.getNumPartitions(), numPartitions)));
    }
    return partitions;
  }

  @Override
  public Iterator<T> compute(Partition split, TaskContext context) {
    Iterator<Integer> parents = ((CoalescedPartition) split).parents().iterator();
    return Iterators.flatMap(parents, i -> parent.iterator(parent.partitions().get(i), context));
  }
}
