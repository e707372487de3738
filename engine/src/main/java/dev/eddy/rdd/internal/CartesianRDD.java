package dev.eddy.rdd.internal;

import dev.eddy.TaskContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.Dependency;
import dev.eddy.rdd.NarrowDependency;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.RDD;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Every pair of an element of one RDD with an element of another, as Spark's
 * {@code CartesianRDD}: partition {@code i * n2 + j} pairs partition i of the first with partition
 * j of the second, so no data moves. The second partition is read once into memory per task.
 * Immutable.
 */
public final class CartesianRDD<T, U> extends RDD<Tuple2<T, U>> {
  private record CartesianPartition(int index, Partition left, Partition right) implements Partition {}

  private final RDD<T> left;
  private final RDD<U> right;

  public CartesianRDD(RDD<T> left, RDD<U> right) {
    super(left.context(), dependencies(left, right), "cartesian");
    this.left = left;
    this.right = right;
  }

  private static <A, B> List<Dependency<?>> dependencies(RDD<A> left, RDD<B> right) {
    int n2 = right.getNumPartitions();
    return List.of(
        new NarrowDependency<A>(left) {
          @Override
          public List<Integer> getParents(int partitionId) {
            return List.of(partitionId / n2);
          }
        },
        new NarrowDependency<B>(right) {
          @Override
          public List<Integer> getParents(int partitionId) {
            return List.of(partitionId % n2);
          }
        });
  }

  @Override
  protected List<Partition> getPartitions() {
    List<Partition> partitions = new ArrayList<>();
    for (Partition l : left.partitions()) {
      for (Partition r : right.partitions()) {
        partitions.add(new CartesianPartition(partitions.size(), l, r));
      }
    }
    return partitions;
  }

  @Override
  public Iterator<Tuple2<T, U>> compute(Partition split, TaskContext context) {
    CartesianPartition p = (CartesianPartition) split;
    List<U> rights = new ArrayList<>();
    right.iterator(p.right(), context).forEachRemaining(rights::add);
    return Iterators.flatMap(left.iterator(p.left(), context), t -> Iterators.map(rights.iterator(), u -> new Tuple2<>(t, u)));
  }
}
