package dev.eddy.rdd.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the {@code k} smallest elements of a stream in a bounded heap, as Spark's
 * {@code BoundedPriorityQueue}: memory is O(k), however long the stream. Used by
 * {@code takeOrdered} and {@code top}. Static helpers; thread-safe.
 */
public final class TopK {
  private TopK() {}

  /** Returns the {@code k} smallest elements of {@code it} by {@code order}, smallest first. */
  public static <T> List<T> smallest(Iterator<? extends T> it, int k, Comparator<? super T> order) {
    if (k <= 0) {
      return new ArrayList<>();
    }
    // a max-heap of the k smallest seen so far: its head is the first to drop
    PriorityQueue<T> heap = new PriorityQueue<>(k, order.reversed());
    while (it.hasNext()) {
      T t = it.next();
      if (heap.size() < k) {
        heap.add(t);
      } else if (order.compare(t, heap.peek()) < 0) {
        heap.poll();
        heap.add(t);
      }
    }
    List<T> out = new ArrayList<>(heap);
    out.sort(order);
    return out;
  }
}
