package dev.eddy.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * An immutable pair, named and shaped as Scala's {@code Tuple2} that Spark's Java API uses: read
 * the elements with {@link #_1()} and {@link #_2()}. Equality and hashing are by value; either
 * element may be null. Prints as {@code (a,b)}, as Spark does.
 */
public final class Tuple2<A, B> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final A first;
  private final B second;

  public Tuple2(A first, B second) {
    this.first = first;
    this.second = second;
  }

  /** Returns the first element (the key of a pair RDD). */
  public A _1() {
    return first;
  }

  /** Returns the second element (the value of a pair RDD). */
  public B _2() {
    return second;
  }

  /** Returns a pair with the elements swapped. */
  public Tuple2<B, A> swap() {
    return new Tuple2<>(second, first);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tuple2<?, ?> t && Objects.equals(first, t.first) && Objects.equals(second, t.second);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(first) + Objects.hashCode(second);
  }

  @Override
  public String toString() {
    return "(" + first + "," + second + ")";
  }
}
