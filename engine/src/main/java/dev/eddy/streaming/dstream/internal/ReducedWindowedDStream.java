package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.Function;
import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.Partitioner;
import dev.eddy.rdd.RDD;
import dev.eddy.rdd.internal.CoGroupedRDD;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code reduceByKeyAndWindow} with an inverse function, as Spark's
 * {@code ReducedWindowedDStream}: each window's values are the previous window's, "unmerged" by
 * the inverse function with the batches that left the window and merged with those that entered
 * it, through one cogroup of the previous window and those per-batch reductions. Its own RDDs and
 * the per-batch reductions are persisted in memory, deserialized (Spark uses a serialized level);
 * they are checkpointed at Spark's default interval when a checkpoint directory is set.
 * Thread-safe.
 */
public final class ReducedWindowedDStream<K, V> extends DStream<Tuple2<K, V>> {
  private final DStream<Tuple2<K, V>> reduced;
  private final Function2<V, V, V> reduceFunc;
  private final Function2<V, V, V> invReduceFunc;
  private final Duration windowDuration;
  private final Duration slide;
  private final Partitioner partitioner;
  private final Function<Tuple2<K, V>, Boolean> filterFunc;

  /**
   * @param filterFunc keeps a key in the window when true; null keeps all (keys whose value was
   *     unmerged to a neutral value then stay)
   * @throws IllegalArgumentException if the window or slide is not a multiple of the parent's slide
   */
  public ReducedWindowedDStream(
      DStream<Tuple2<K, V>> parent,
      Function2<V, V, V> reduceFunc,
      Function2<V, V, V> invReduceFunc,
      Function<Tuple2<K, V>, Boolean> filterFunc,
      Duration windowDuration,
      Duration slideDuration,
      Partitioner partitioner) {
    super(parent.context());
    WindowedDStream.validate(parent, windowDuration, slideDuration);
    if (reduceFunc == null || invReduceFunc == null || partitioner == null) {
      throw new NullPointerException("reduceByKeyAndWindow needs a reduce function, an inverse and a partitioner");
    }
    this.reduced = new ShuffledDStream<>(parent, v -> v, reduceFunc, reduceFunc, partitioner, true);
    this.reduceFunc = reduceFunc;
    this.invReduceFunc = invReduceFunc;
    this.filterFunc = filterFunc;
    this.windowDuration = windowDuration;
    this.slide = slideDuration;
    this.partitioner = partitioner;
    reduced.persist(StorageLevel.MEMORY_ONLY);
    persist(StorageLevel.MEMORY_ONLY);
  }

  /** Returns {@code "reduceByKeyAndWindow(30 s, 10 s)"}: the window's length and slide. */
  @Override
  public String operatorName() {
    return "reduceByKeyAndWindow(" + DStreamDag.duration(windowDuration) + ", " + DStreamDag.duration(slide) + ")";
  }

  @Override
  public Duration slideDuration() {
    return slide;
  }

  @Override
  public List<DStream<?>> dependencies() {
    return List.of(reduced);
  }

  @Override
  protected Duration parentRememberDuration() {
    return rememberDuration().plus(windowDuration);
  }

  @Override
  protected boolean mustCheckpoint() {
    return true;
  }

  @Override
  public Optional<RDD<Tuple2<K, V>>> compute(Time validTime) {
    Duration parentSlide = reduced.slideDuration();
    Time currentBegin = validTime.minus(windowDuration).plus(parentSlide);
    Time previousBegin = currentBegin.minus(slide);
    Time previousEnd = validTime.minus(slide);
    // batches that left the window, and batches that entered it
    List<RDD<Tuple2<K, V>>> oldRDDs = reduced.slice(previousBegin, currentBegin.minus(parentSlide));
    List<RDD<Tuple2<K, V>>> newRDDs = reduced.slice(previousEnd.plus(parentSlide), validTime);
    RDD<Tuple2<K, V>> previousWindow =
        getOrCompute(previousEnd).orElseGet(() -> context().sparkContext().emptyRDD());

    List<RDD<Tuple2<K, V>>> all = new ArrayList<>();
    all.add(previousWindow);
    all.addAll(oldRDDs);
    all.addAll(newRDDs);
    int numOld = oldRDDs.size();
    int numNew = newRDDs.size();
    Function2<V, V, V> reduceF = reduceFunc;
    Function2<V, V, V> invReduceF = invReduceFunc;
    Function<List<List<Object>>, V> merge = groups -> mergeValues(groups, numOld, numNew, reduceF, invReduceF);
    PairRDD<K, V> merged = PairRDD.fromRDD(new CoGroupedRDD<K>(all, partitioner)).mapValues(merge);
    return Optional.of(filterFunc == null ? merged : merged.filter(filterFunc));
  }

  @SuppressWarnings("unchecked")
  private static <V> V mergeValues(
      List<List<Object>> groups, int numOld, int numNew, Function2<V, V, V> reduceF, Function2<V, V, V> invReduceF)
      throws Exception {
    if (groups.size() != 1 + numOld + numNew) {
      throw new IllegalStateException("Unexpected number of sequences of reduced values: " + groups.size()
          + ", expected " + (1 + numOld + numNew));
    }
    V oldValues = reduceAll((List<List<Object>>) (List<?>) groups.subList(1, 1 + numOld), reduceF);
    V newValues = reduceAll((List<List<Object>>) (List<?>) groups.subList(1 + numOld, groups.size()), reduceF);
    List<Object> previous = groups.get(0);
    if (previous.isEmpty()) {
      if (newValues == null) {
        throw new IllegalStateException("Neither previous window has value for key, nor new values found. "
            + "Are you sure your key class hashes consistently?");
      }
      return newValues;
    }
    V value = (V) previous.get(0);
    if (oldValues != null) {
      value = invReduceF.call(value, oldValues);
    }
    if (newValues != null) {
      value = reduceF.call(value, newValues);
    }
    return value;
  }

  /** Returns the first values of the non-empty groups merged by {@code f}, or null when all are empty. */
  @SuppressWarnings("unchecked")
  private static <V> V reduceAll(List<List<Object>> groups, Function2<V, V, V> f) throws Exception {
    V acc = null;
    boolean any = false;
    for (List<Object> group : groups) {
      if (!group.isEmpty()) {
        V v = (V) group.get(0);
        acc = any ? f.call(acc, v) : v;
        any = true;
      }
    }
    return acc;
  }

  /**
   * Saves this stream's latest window at or before {@code time} as blob {@code window}; the
   * per-batch reductions that later leave the window are recomputed from the input.
   */
  @Override
  public Map<String, List<List<?>>> checkpointData(Time time) {
    return latestAtOrBefore(time).flatMap(this::getOrCompute)
        .map(rdd -> Map.<String, List<List<?>>>of("window", partitionsOf(rdd)))
        .orElse(Map.of());
  }

  /** Makes the saved window this stream's latest RDD at or before {@code time}. */
  @Override
  public void restoreCheckpointData(Time time, Map<String, List<List<?>>> data) {
    List<List<?>> window = data.get("window");
    Optional<Time> at = latestAtOrBefore(time);
    if (window != null && at.isPresent()) {
      List<Tuple2<K, V>> pairs = elementsOf(window);
      restoreRDD(at.get(), PairRDD.fromRDD(context().sparkContext().parallelize(pairs)).partitionBy(partitioner));
    }
  }

  private Optional<Time> latestAtOrBefore(Time time) {
    long zero = zeroTime().milliseconds();
    long aligned = zero + Math.floorDiv(time.milliseconds() - zero, slide.milliseconds()) * slide.milliseconds();
    return aligned > zero ? Optional.of(new Time(aligned)) : Optional.empty();
  }
}
