package dev.eddy.rdd.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * A uniform sample of at most {@code k} elements of a stream and the stream's length, as Spark's
 * {@code SamplingUtils.reservoirSampleAndCount}; used by {@code RangePartitioner} to sketch keys.
 * Immutable result.
 *
 * @param sample the sampled elements; all of them when the stream holds at most k
 * @param count how many elements the stream held
 */
public record ReservoirSample<T>(List<T> sample, long count) implements java.io.Serializable {

  /** Returns a sample of at most {@code k} elements of {@code it}, chosen by a {@link Random} seeded with {@code seed}. */
  public static <T> ReservoirSample<T> of(Iterator<T> it, int k, long seed) {
    List<T> reservoir = new ArrayList<>(Math.min(k, 1024));
    long count = 0;
    Random random = new Random(seed);
    while (it.hasNext()) {
      T t = it.next();
      count++;
      if (reservoir.size() < k) {
        reservoir.add(t);
      } else {
        long j = (long) (random.nextDouble() * count);
        if (j < k) {
          reservoir.set((int) j, t);
        }
      }
    }
    return new ReservoirSample<>(reservoir, count);
  }
}
