package dev.eddy.rdd.internal;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Orders {@link Comparable} elements by their natural order, with a clear error for the elements it
 * cannot order: Spark fails with a bare {@code NullPointerException} on a null key, Eddy with an
 * {@link IllegalArgumentException} saying what to do. Used by {@code sortBy}, {@code sortByKey},
 * {@code takeOrdered} and {@code top} when no comparator is given. Immutable.
 */
public final class NaturalOrder implements Comparator<Object>, Serializable {
  private static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  /** Returns the natural order for elements of type {@code T}. */
  @SuppressWarnings("unchecked")
  public static <T> Comparator<T> get() {
    return (Comparator<T>) (Comparator<?>) INSTANCE;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public int compare(Object a, Object b) {
    checkOrderable(a);
    checkOrderable(b);
    return ((Comparable) a).compareTo(b);
  }

  private static void checkOrderable(Object o) {
    if (o == null) {
      throw new IllegalArgumentException(
          "Cannot order null by natural ordering: filter nulls out, or pass a Comparator that places them,"
              + " such as Comparator.nullsFirst(Comparator.naturalOrder())");
    }
    if (!(o instanceof Comparable<?>)) {
      throw new IllegalArgumentException(
          "Cannot order " + o.getClass().getName() + " by natural ordering: it is not Comparable; pass a Comparator");
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
