package dev.eddy.rdd.internal;

import dev.eddy.EddyContext;
import dev.eddy.TaskContext;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.RDD;
import dev.eddy.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A local list cut into slices, as {@code sc.parallelize} makes. The list is copied when the RDD is
 * built, so later changes to the caller's list do not show. Slice i holds elements
 * {@code [i*n/slices, (i+1)*n/slices)}, as in Spark, so with more slices than elements some
 * slices are empty. Immutable.
 */
public final class ParallelCollectionRDD<T> extends RDD<T> {
  private record Slice<T>(int index, List<T> data) implements Partition {}

  private final List<T> data;
  private final int numSlices;

  public ParallelCollectionRDD(EddyContext sc, List<T> data, int numSlices) {
    super(sc, List.of(), "parallelize");
    if (numSlices < 1) {
      throw new IllegalArgumentException("Positive number of partitions required, not " + numSlices);
    }
    this.data = Collections.unmodifiableList(new ArrayList<>(data));
    this.numSlices = numSlices;
  }

  @Override
  protected List<Partition> getPartitions() {
    List<Partition> slices = new ArrayList<>(numSlices);
    long n = data.size();
    for (int i = 0; i < numSlices; i++) {
      int start = (int) (i * n / numSlices);
      int end = (int) ((i + 1) * n / numSlices);
      slices.add(new Slice<>(i, data.subList(start, end)));
    }
    return slices;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterator<T> compute(Partition split, TaskContext context) {
    return ((Slice<T>) split).data().iterator();
  }

  /**
   * Returns the number of elements without running a job when the list's size is all it takes; a
   * persisted or checkpoint-marked RDD runs the job, so that the action fills the cache or writes
   * the checkpoint as it would for any other RDD.
   */
  @Override
  public long count() {
    if (getStorageLevel() != StorageLevel.NONE || storageState().needsCheckpoint()) {
      return super.count();
    }
    context().assertNotStopped();
    return data.size();
  }
}
