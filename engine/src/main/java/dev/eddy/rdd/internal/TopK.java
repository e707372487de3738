package dev.eddy.rdd.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Keeps the {@code k} smallest elements of a stream in bounded memory, as Spark's
 * {@code BoundedPriorityQueue}: O(k), however long the stream. Used by
 * {@code takeOrdered} and {@code top}. Static helpers; thread-safe.
 */
public final class TopK {
  private TopK() {}

  /** Returns the {@code k} smallest elements of {@code it} by {@code order}, smallest first; nulls are ordinary elements. */
  public static <T> List<T> smallest(Iterator<? extends T> it, int k, Comparator<? super T> order) {
    if (k <= 0) {
      return new ArrayList<>();
    }
    // a buffer of up to 2k, cut back to the k smallest when full: O(n log k), and unlike
    // PriorityQueue it accepts the nulls a null-friendly comparator can order
    List<T> buffer = new ArrayList<>();
    while (it.hasNext()) {
      buffer.add(it.next());
      if (buffer.size() >= 2 * k) {
        buffer.sort(order);
        buffer.subList(k, buffer.size()).clear();
      }
    }
    buffer.sort(order);
    return new ArrayList<>(buffer.subList(0, Math.min(k, buffer.size())));
  }
}
