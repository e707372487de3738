package dev.eddy.rdd.internal;

import dev.eddy.api.Tuple2;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Turns one key's co-grouped values into the pairs of a join, as Spark's {@code join} family:
 * every value on one side with every value on the other (a cartesian product per key), and for the
 * outer joins a missing side as {@link Optional#empty()}. A null value on an optional side also
 * shows as {@code Optional.empty()}, because {@code java.util.Optional} cannot hold null. Static
 * helpers; thread-safe.
 */
public final class Joins {
  private Joins() {}

  /** Returns every (v, w) pair; nothing when either side is empty. */
  public static <V, W> Iterator<Tuple2<V, W>> inner(Tuple2<Iterable<V>, Iterable<W>> groups) {
    List<Tuple2<V, W>> out = new ArrayList<>();
    for (V v : groups._1()) {
      for (W w : groups._2()) {
        out.add(new Tuple2<>(v, w));
      }
    }
    return out.iterator();
  }

  /** Returns every (v, Optional(w)) pair, or (v, empty) for each v when there is no w. */
  public static <V, W> Iterator<Tuple2<V, Optional<W>>> leftOuter(Tuple2<Iterable<V>, Iterable<W>> groups) {
    List<Tuple2<V, Optional<W>>> out = new ArrayList<>();
    for (V v : groups._1()) {
      for (Optional<W> w : optionals(groups._2())) {
        out.add(new Tuple2<>(v, w));
      }
    }
    return out.iterator();
  }

  /** Returns every (Optional(v), w) pair, or (empty, w) for each w when there is no v. */
  public static <V, W> Iterator<Tuple2<Optional<V>, W>> rightOuter(Tuple2<Iterable<V>, Iterable<W>> groups) {
    List<Tuple2<Optional<V>, W>> out = new ArrayList<>();
    for (Optional<V> v : optionals(groups._1())) {
      for (W w : groups._2()) {
        out.add(new Tuple2<>(v, w));
      }
    }
    return out.iterator();
  }

  /** Returns every (Optional(v), Optional(w)) pair, a missing side as empty. */
  public static <V, W> Iterator<Tuple2<Optional<V>, Optional<W>>> fullOuter(Tuple2<Iterable<V>, Iterable<W>> groups) {
    List<Tuple2<Optional<V>, Optional<W>>> out = new ArrayList<>();
    for (Optional<V> v : optionals(groups._1())) {
      for (Optional<W> w : optionals(groups._2())) {
        out.add(new Tuple2<>(v, w));
      }
    }
    return out.iterator();
  }

  /** Returns the values as optionals, or a single empty optional when there are none. */
  private static <T> List<Optional<T>> optionals(Iterable<T> values) {
    List<Optional<T>> out = new ArrayList<>();
    for (T t : values) {
      out.add(Optional.ofNullable(t));
    }
    if (out.isEmpty()) {
      out.add(Optional.empty());
    }
    return out;
  }
}
