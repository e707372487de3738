package dev.eddy.rdd.internal;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Samples one partition's elements, as Spark's {@code BernoulliSampler} and
 * {@code PoissonSampler}: without replacement each element is kept with probability
 * {@code fraction}; with replacement each element appears a Poisson({@code fraction}) number of
 * times. The caller passes a {@link Random} seeded per partition, so a seed gives the same sample
 * on every run. Static helpers; thread-safe.
 */
public final class Samplers {
  private Samplers() {}

  /** Returns the elements of {@code in} each kept with probability {@code fraction}. */
  public static <T> Iterator<T> bernoulli(Iterator<T> in, double fraction, Random random) {
    if (fraction <= 0) {
      return Collections.emptyIterator();
    }
    if (fraction >= 1) {
      return in;
    }
    return repeat(in, random, r -> r.nextDouble() < fraction ? 1 : 0);
  }

  /** Returns the elements of {@code in}, each repeated a Poisson({@code fraction}) number of times. */
  public static <T> Iterator<T> poisson(Iterator<T> in, double fraction, Random random) {
    if (fraction <= 0) {
      return Collections.emptyIterator();
    }
    double limit = Math.exp(-fraction);
    return repeat(in, random, r -> {
      // Knuth's method: count uniform draws until their product falls below e^-fraction
      int k = 0;
      double product = r.nextDouble();
      while (product > limit) {
        k++;
        product *= r.nextDouble();
      }
      return k;
    });
  }

  private interface Count {
    int draw(Random random);
  }

  private static <T> Iterator<T> repeat(Iterator<T> in, Random random, Count count) {
    return new Iterator<>() {
      private T current;
      private int remaining;

      @Override
      public boolean hasNext() {
        while (remaining == 0 && in.hasNext()) {
          current = in.next();
          remaining = count.draw(random);
        }
        return remaining > 0;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        remaining--;
        return current;
      }
    };
  }
}
