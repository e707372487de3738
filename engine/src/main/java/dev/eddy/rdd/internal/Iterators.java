package dev.eddy.rdd.internal;

import dev.eddy.api.FlatMapFunction;
import dev.eddy.api.Function;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Lazy iterator adapters that apply user functions element by element, so a narrow stage streams
 * its partition instead of materializing it. Null elements are ordinary values. Checked
 * exceptions from user functions travel as {@link UserFunctionException}.
 */
public final class Iterators {
  private Iterators() {}

  /** Returns {@code f} applied to each element of {@code in}. */
  public static <T, R> Iterator<R> map(Iterator<T> in, Function<? super T, ? extends R> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return in.hasNext();
      }

      @Override
      public R next() {
        T t = in.next();
        try {
          return f.call(t);
        } catch (Exception e) {
          throw UserFunctionException.wrap(e);
        }
      }
    };
  }

  /** Returns the elements of {@code in} for which {@code keep} returns true. */
  public static <T> Iterator<T> filter(Iterator<T> in, Function<? super T, Boolean> keep) {
    return new Iterator<>() {
      private boolean ready;
      private T nextValue;

      @Override
      public boolean hasNext() {
        while (!ready && in.hasNext()) {
          T candidate = in.next();
          Boolean kept;
          try {
            kept = keep.call(candidate);
          } catch (Exception e) {
            throw UserFunctionException.wrap(e);
          }
          if (Boolean.TRUE.equals(kept)) {
            nextValue = candidate;
            ready = true;
          }
        }
        return ready;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ready = false;
        T value = nextValue;
        nextValue = null;
        return value;
      }
    };
  }

  /** Returns the concatenation of {@code f}'s iterators over the elements of {@code in}. */
  public static <T, R> Iterator<R> flatMap(Iterator<T> in, FlatMapFunction<? super T, R> f) {
    return new Iterator<>() {
      private Iterator<R> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && in.hasNext()) {
          try {
            Iterator<R> produced = f.call(in.next());
            current = produced == null ? Collections.emptyIterator() : produced;
          } catch (Exception e) {
            throw UserFunctionException.wrap(e);
          }
        }
        return current.hasNext();
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** Returns the first {@code n} elements of {@code in}, lazily. */
  public static <T> Iterator<T> limit(Iterator<T> in, int n) {
    return new Iterator<>() {
      private int taken;

      @Override
      public boolean hasNext() {
        return taken < n && in.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        taken++;
        return in.next();
      }
    };
  }

  /**
   * Returns the pairs of elements at the same position in {@code a} and {@code b}.
   *
   * @throws IllegalStateException when one iterator ends before the other, with Spark's message
   */
  public static <A, B> Iterator<dev.eddy.api.Tuple2<A, B>> zip(Iterator<A> a, Iterator<B> b) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean hasA = a.hasNext();
        if (hasA != b.hasNext()) {
          throw new IllegalStateException("Can only zip RDDs with same number of elements in each partition");
        }
        return hasA;
      }

      @Override
      public dev.eddy.api.Tuple2<A, B> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return new dev.eddy.api.Tuple2<>(a.next(), b.next());
      }
    };
  }
}
