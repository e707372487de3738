package dev.eddy.rdd.internal;

import dev.eddy.EddyContext;
import dev.eddy.TaskContext;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.RDD;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** An RDD with no partitions and so no elements; actions on it run no tasks. Immutable. */
public final class EmptyRDD<T> extends RDD<T> {
  public EmptyRDD(EddyContext sc) {
    super(sc, List.of(), "emptyRDD");
  }

  @Override
  protected List<Partition> getPartitions() {
    return List.of();
  }

  @Override
  public Iterator<T> compute(Partition split, TaskContext context) {
    return Collections.emptyIterator();
  }
}
