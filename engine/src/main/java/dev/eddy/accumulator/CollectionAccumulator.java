package dev.eddy.accumulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects elements into a list, as Spark's {@code CollectionAccumulator}; made with {@code
 * sc.collectionAccumulator(name)}. The order of elements from different tasks is unspecified.
 * Thread-safe.
 */
public final class CollectionAccumulator<T> extends AccumulatorV2<T, List<T>> {
  private static final long serialVersionUID = 1L;

  private final List<T> elements = new ArrayList<>();

  @Override
  public synchronized boolean isZero() {
    return elements.isEmpty();
  }

  @Override
  public synchronized CollectionAccumulator<T> copy() {
    CollectionAccumulator<T> copy = new CollectionAccumulator<>();
    copy.elements.addAll(elements);
    return copy;
  }

  @Override
  public synchronized void reset() {
    elements.clear();
  }

  /** Adds {@code v}: to the task's copy on a task thread. */
  @Override
  public void add(T v) {
    CollectionAccumulator<T> target = target();
    synchronized (target) {
      target.elements.add(v);
    }
  }

  @Override
  public void merge(AccumulatorV2<T, List<T>> other) {
    if (!(other instanceof CollectionAccumulator<T> o)) {
      throw new UnsupportedOperationException(
          "Cannot merge " + getClass().getName() + " with " + other.getClass().getName());
    }
    List<T> added = o.value();
    synchronized (this) {
      elements.addAll(added);
    }
  }

  /** Returns an unmodifiable snapshot of the elements. */
  @Override
  public synchronized List<T> value() {
    return Collections.unmodifiableList(new ArrayList<>(elements));
  }
}
