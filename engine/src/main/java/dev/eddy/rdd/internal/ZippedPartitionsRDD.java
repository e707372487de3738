package dev.eddy.rdd.internal;

import dev.eddy.TaskContext;
import dev.eddy.rdd.OneToOneDependency;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.RDD;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Combines partition i of two RDDs with the same number of partitions, as Spark's
 * {@code ZippedPartitionsRDD2}; the operator behind {@code zip}. Immutable.
 */
public final class ZippedPartitionsRDD<A, B, R> extends RDD<R> {
  /** Turns the two partitions' iterators into this RDD's iterator. */
  @FunctionalInterface
  public interface ZipFunction<A, B, R> extends Serializable {
    Iterator<R> apply(Iterator<A> left, Iterator<B> right);
  }

  private record ZippedPartition(int index, Partition left, Partition right) implements Partition {}

  private final ZipFunction<A, B, R> f;

  /** @throws IllegalArgumentException if the two RDDs have different numbers of partitions */
  public ZippedPartitionsRDD(RDD<A> left, RDD<B> right, ZipFunction<A, B, R> f, String operation) {
    super(left.context(), List.of(new OneToOneDependency<>(left), new OneToOneDependency<>(right)), operation);
    if (left.getNumPartitions() != right.getNumPartitions()) {
      throw new IllegalArgumentException("Can't zip RDDs with unequal numbers of partitions: "
          + List.of(left.getNumPartitions(), right.getNumPartitions()));
    }
    this.f = f;
  }

  @Override
  protected List<Partition> getPartitions() {
    List<Partition> partitions = new ArrayList<>();
    RDD<A> left = parent(0);
    RDD<B> right = parent(1);
    for (int i = 0; i < left.getNumPartitions(); i++) {
      partitions.add(new ZippedPartition(i, left.partitions().get(i), right.partitions().get(i)));
    }
    return partitions;
  }

  @Override
  public Iterator<R> compute(Partition split, TaskContext context) {
    ZippedPartition p = (ZippedPartition) split;
    return f.apply(this.<A>parent(0).iterator(p.left(), context), this.<B>parent(1).iterator(p.right(), context));
  }

  /** Returns parent {@code i} through its dependency, so that a checkpoint lets go of the parents. */
  @SuppressWarnings("unchecked")
  private <X> RDD<X> parent(int i) {
    return (RDD<X>) dependencies().get(i).rdd();
  }
}
