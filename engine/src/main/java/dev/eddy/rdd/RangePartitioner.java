package dev.eddy.rdd;

import dev.eddy.api.Tuple2;
import dev.eddy.rdd.internal.Iterators;
import dev.eddy.rdd.internal.NaturalOrder;
import dev.eddy.rdd.internal.ReservoirSample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Places keys into sorted, roughly equal ranges, as Spark's {@code RangePartitioner}: partition 0
 * holds the smallest keys (the largest when descending), so the partitions read in order are
 * sorted. The range bounds come from a sketch of the RDD's keys taken when the partitioner is
 * built, which runs a job: each partition contributes a uniform reservoir sample of about
 * {@code 60 * partitions / parentPartitions} keys, weighted by its size.
 *
 * <pre>{@code
 * RangePartitioner<Integer> byRange = new RangePartitioner<>(4, pairs, true);
 * pairs.partitionBy(byRange);          // partition 0 holds the smallest keys
 * }</pre>
 *
 * <p>The result may have fewer partitions than asked for (one more than the number of distinct
 * bounds), and an empty RDD gets one partition, as Spark. Keys are ordered by the comparator, or by
 * natural order, which rejects null keys with an {@link IllegalArgumentException} (Spark throws a
 * bare {@code NullPointerException}). Two range partitioners are equal when their bounds and
 * direction are. Immutable and thread-safe.
 *
 * @param <K> the key type
 */
public final class RangePartitioner<K> extends Partitioner {
  private static final int LINEAR_SEARCH_LIMIT = 128;

  private final List<K> bounds;
  private final boolean ascending;
  private final Comparator<? super K> ordering;

  /** Creates a partitioner for {@code rdd}'s keys in natural order; runs a sampling job. */
  public RangePartitioner(int partitions, RDD<? extends Tuple2<K, ?>> rdd, boolean ascending) {
    this(partitions, rdd, ascending, NaturalOrder.get());
  }

  /** Creates a partitioner for {@code rdd}'s keys ordered by {@code ordering}; runs a sampling job. */
  public RangePartitioner(int partitions, RDD<? extends Tuple2<K, ?>> rdd, boolean ascending, Comparator<? super K> ordering) {
    if (partitions < 0) {
      throw new IllegalArgumentException("Number of partitions cannot be negative but found " + partitions);
    }
    this.ordering = ordering == null ? NaturalOrder.get() : ordering;
    this.bounds = partitions <= 1 ? List.of() : sketchBounds(partitions, rdd, this.ordering);
    this.ascending = ascending;
  }

  /** Returns the upper bounds (inclusive) of every partition but the last, in ascending order. */
  public List<K> rangeBounds() {
    return bounds;
  }

  /** Returns whether partition 0 holds the smallest keys. */
  public boolean ascending() {
    return ascending;
  }

  @Override
  public int numPartitions() {
    return bounds.size() + 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public int getPartition(Object key) {
    K k = (K) key;
    int partition;
    if (bounds.size() <= LINEAR_SEARCH_LIMIT) {
      partition = 0;
      while (partition < bounds.size() && ordering.compare(k, bounds.get(partition)) > 0) {
        partition++;
      }
    } else {
      int found = Collections.binarySearch(bounds, k, ordering);
      partition = found >= 0 ? found : -found - 1;
    }
    return ascending ? partition : bounds.size() - partition;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RangePartitioner<?> r && r.ascending == ascending && r.bounds.equals(bounds);
  }

  @Override
  public int hashCode() {
    return 31 * bounds.hashCode() + Boolean.hashCode(ascending);
  }

  @Override
  public String toString() {
    return "RangePartitioner(" + numPartitions() + (ascending ? ", ascending" : ", descending") + ")";
  }

  private static <K> List<K> sketchBounds(int partitions, RDD<? extends Tuple2<K, ?>> rdd, Comparator<? super K> ordering) {
    double sampleSize = Math.min(20.0 * partitions, 1e6);
    int perPartition = (int) Math.ceil(3.0 * sampleSize / Math.max(1, rdd.getNumPartitions()));
    int rddId = rdd.id();
    List<ReservoirSample<K>> sketches = sketch(rdd, perPartition, rddId);
    List<Weighted<K>> candidates = new ArrayList<>();
    for (ReservoirSample<K> s : sketches) {
      float weight = s.sample().isEmpty() ? 0 : (float) s.count() / s.sample().size();
      for (K key : s.sample()) {
        candidates.add(new Weighted<>(key, weight));
      }
    }
    return determineBounds(candidates, partitions, ordering);
  }

  private static <K, P extends Tuple2<K, ?>> List<ReservoirSample<K>> sketch(RDD<P> rdd, int k, int rddId) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < rdd.getNumPartitions(); i++) {
      all.add(i);
    }
    return rdd.context().runJob(rdd, (ctx, it) -> ReservoirSample.of(
        Iterators.map(it, Tuple2::_1), k, mix(rddId, ctx.partitionId())), all);
  }

  private static long mix(int rddId, int partition) {
    return Long.rotateLeft((long) rddId * 0x9E3779B97F4A7C15L, 17) ^ (partition * 0xC2B2AE3D27D4EB4FL);
  }

  private record Weighted<K>(K key, float weight) {}

  /** Picks {@code partitions - 1} distinct bounds splitting the candidates' total weight evenly, as Spark. */
  private static <K> List<K> determineBounds(List<Weighted<K>> candidates, int partitions, Comparator<? super K> ordering) {
    candidates.sort((a, b) -> ordering.compare(a.key(), b.key()));
    double total = 0;
    for (Weighted<K> c : candidates) {
      total += c.weight();
    }
    double step = total / partitions;
    double cumulative = 0;
    double target = step;
    List<K> bounds = new ArrayList<>();
    for (int i = 0; i < candidates.size() && bounds.size() < partitions - 1; i++) {
      Weighted<K> c = candidates.get(i);
      cumulative += c.weight();
      if (cumulative >= target) {
        if (bounds.isEmpty() || ordering.compare(c.key(), bounds.get(bounds.size() - 1)) > 0) {
          bounds.add(c.key());
          target += step;
        }
      }
    }
    return Collections.unmodifiableList(bounds);
  }
}
