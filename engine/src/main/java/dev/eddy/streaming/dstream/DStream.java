package dev.eddy.streaming.dstream;

import dev.eddy.api.FlatMapFunction;
import dev.eddy.api.Function;
import dev.eddy.api.Function2;
import dev.eddy.api.Function3;
import dev.eddy.api.PairFlatMapFunction;
import dev.eddy.api.PairFunction;
import dev.eddy.api.Tuple2;
import dev.eddy.api.VoidFunction;
import dev.eddy.api.VoidFunction2;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.StreamingContextState;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.internal.CountDStream;
import dev.eddy.streaming.dstream.internal.FilteredDStream;
import dev.eddy.streaming.dstream.internal.FlatMappedDStream;
import dev.eddy.streaming.dstream.internal.GlommedDStream;
import dev.eddy.streaming.dstream.internal.MapPartitionedDStream;
import dev.eddy.streaming.dstream.internal.TransformedDStream;
import dev.eddy.streaming.dstream.internal.UnionDStream;
import dev.eddy.streaming.dstream.internal.WindowedDStream;
import dev.eddy.streaming.dstream.internal.ForEachDStream;
import dev.eddy.streaming.dstream.internal.MappedDStream;
import dev.eddy.streaming.dstream.internal.PrintOutput;
import dev.eddy.streaming.dstream.internal.StateLineage;
import dev.eddy.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A discretized stream, as Spark's {@code DStream}: a sequence of RDDs, one per batch, each
 * computed from the RDDs of the streams it depends on for the same batch time.
 *
 * <pre>{@code
 * DStream<String> lines = ssc.textGeneratorStream(10);
 * lines.filter(l -> l.contains("river")).count().print();
 * }</pre>
 *
 * <p>Transformations ({@code map}, {@code filter}, ...) return new streams; output operations
 * ({@code print}, {@code foreachRDD}) register with the context and run once per batch. Streams
 * are defined before {@code ssc.start()}; defining one afterwards throws
 * {@link IllegalStateException}.
 *
 * <p>A stream has a batch at every multiple of its {@link #slideDuration() slide} after the
 * context's zero time (one batch interval before the first batch): a window sliding every 2 s on
 * a 1 s context has RDDs at 2 s, 4 s, ... only. Windows ({@code window}, {@code
 * reduceByKeyAndWindow}, ...) need a window and slide that are multiples of their parent's slide.
 *
 * <p>Subclasses implement {@link #slideDuration()}, {@link #dependencies()} and
 * {@link #compute(Time)}. The RDD of each batch is computed once ({@link #getOrCompute}) and
 * remembered for the stream's {@link #rememberDuration() remember duration} (its slide, longer
 * for the parents of windows and state, or what {@code ssc.remember} asks), so several outputs
 * of a batch, the next windows and {@link #slice} see the same RDD; older RDDs are forgotten
 * and, if the stream persisted them, unpersisted. Thread-safe.
 *
 * @param <T> the element type
 */
public abstract class DStream<T> {
  private final StreamingContext ssc;
  private final int id;
  private final Map<Time, RDD<T>> generatedRDDs = new ConcurrentHashMap<>();
  private volatile Time zeroTime;
  private volatile Duration rememberDuration;
  private volatile Duration checkpointDuration;
  private volatile StorageLevel storageLevel = StorageLevel.NONE;
  /** The ids of the remembered RDDs this stream persisted, which it unpersists when it forgets them. */
  private final Set<Integer> persistedHere = ConcurrentHashMap.newKeySet();

  /** Creates a stream of {@code ssc} with a new id. */
  protected DStream(StreamingContext ssc) {
    this.ssc = ssc;
    this.id = ssc.graph().newStreamId();
  }

  // ---------------------------------------------------------------- structure

  /** Returns the streaming context the stream belongs to. */
  public StreamingContext context() {
    return ssc;
  }

  /** Returns the stream's id, unique within its context. */
  public int id() {
    return id;
  }

  /** Returns the time between two RDDs of this stream. */
  public abstract Duration slideDuration();

  /** Returns the streams this one is computed from; empty for an input stream. */
  public abstract List<DStream<?>> dependencies();

  /** Computes the RDD of the batch at {@code validTime}, or empty when the stream has none then. */
  public abstract Optional<RDD<T>> compute(Time validTime);

  /**
   * Returns the RDD of the batch at {@code time}, computing it the first time it is asked for, as
   * Spark's {@code getOrCompute}: empty when {@code time} is not a batch of this stream (not after
   * the zero time, or not a multiple of the slide after it). A new RDD is persisted at the
   * stream's storage level and marked for checkpointing at every checkpoint interval; without a
   * checkpoint interval, the RDDs of a stream that {@linkplain #mustCheckpoint() must checkpoint}
   * are marked for a local checkpoint instead, so that its lineage stays short.
   *
   * @throws IllegalStateException if the stream's context was never started
   */
  public final Optional<RDD<T>> getOrCompute(Time time) {
    RDD<T> existing = generatedRDDs.get(time);
    if (existing != null) {
      return Optional.of(existing);
    }
    if (!isTimeValid(time)) {
      return Optional.empty();
    }
    Optional<RDD<T>> computed = compute(time);
    computed.ifPresent(rdd -> {
      boolean hadLevel = rdd.getStorageLevel().isValid();
      if (storageLevel.isValid() && !hadLevel) {
        rdd.persist(storageLevel);
      }
      Duration checkpointEvery = checkpointDuration;
      if (checkpointEvery != null && time.minus(zeroTime).isMultipleOf(checkpointEvery)) {
        rdd.checkpoint();
      }
      if (checkpointEvery == null && mustCheckpoint()) {
        StateLineage.markForCut(rdd);
      }
      if (!hadLevel && rdd.getStorageLevel().isValid()) {
        persistedHere.add(rdd.id());
      }
      generatedRDDs.put(time, rdd);
    });
    return computed;
  }

  /**
   * Forgets the RDDs of batches at or before {@code time} minus the remember duration, as Spark's
   * {@code clearMetadata}, and unpersists those this stream persisted (not those that came
   * persisted, such as a queued RDD the user cached). A stream whose lineage is cut by local
   * checkpoints keeps its newest cut RDD and those after it (see {@link StateLineage}). Called
   * when a batch ends, and with the largest time when a run ends.
   */
  public void clearMetadata(Time time) {
    Duration remember = rememberDuration;
    Time rememberLimit = remember == null ? time : time.minus(remember);
    Time limit = checkpointDuration == null && mustCheckpoint()
        ? StateLineage.forgettableUpTo(this, generatedRDDs, time, rememberLimit)
        : rememberLimit;
    generatedRDDs.entrySet().removeIf(e -> {
      if (e.getKey().greater(limit)) {
        return false;
      }
      if (persistedHere.remove(e.getValue().id())) {
        e.getValue().unpersist();
      }
      return true;
    });
  }

  // ---------------------------------------------------------------- batch times and memory

  /**
   * Sets the time one slide before this stream's first batch, and its remember and checkpoint
   * durations, then does the same for its parents; engine machinery called by the graph at start,
   * as Spark's {@code initialize}. A stream that {@linkplain #mustCheckpoint() must checkpoint} gets Spark's
   * default interval (the smallest multiple of the slide of at least 10 s) when the engine context
   * has a checkpoint directory; without one its RDDs are locally checkpointed (see {@link StateLineage}).
   */
  public void initialize(Time zero) {
    zeroTime = zero;
    if (mustCheckpoint() && checkpointDuration == null && context().sparkContext().getCheckpointDir().isPresent()) {
      long slide = slideDuration().milliseconds();
      checkpointDuration = new Duration(slide * (long) Math.ceil(10_000.0 / slide));
    }
    Duration minRemember = slideDuration();
    if (checkpointDuration != null && minRemember.compareTo(checkpointDuration) <= 0) {
      minRemember = checkpointDuration.times(2);
    }
    if (rememberDuration == null || rememberDuration.compareTo(minRemember) < 0) {
      rememberDuration = minRemember;
    }
    dependencies().forEach(d -> d.initialize(zero));
  }

  /**
   * Makes this stream remember its RDDs for at least {@code duration} and its parents for what
   * this stream needs of them ({@link #parentRememberDuration()}), as Spark's {@code remember};
   * engine machinery called by the graph at start (users call {@code ssc.remember}).
   */
  public void remember(Duration duration) {
    if (duration != null && (rememberDuration == null || duration.compareTo(rememberDuration) > 0)) {
      rememberDuration = duration;
    }
    dependencies().forEach(d -> d.remember(parentRememberDuration()));
  }

  /** Returns how long the parents must remember their RDDs for this stream; windows add their length. */
  protected Duration parentRememberDuration() {
    return rememberDuration;
  }

  /** Returns how long this stream remembers its RDDs after their batch; null before start. */
  public Duration rememberDuration() {
    return rememberDuration;
  }

  /** Returns the checkpoint interval, or null when the stream's RDDs are not checkpointed. */
  public Duration checkpointDuration() {
    return checkpointDuration;
  }

  /** Returns the storage level of the stream's RDDs; {@link StorageLevel#NONE} when not persisted. */
  public StorageLevel storageLevel() {
    return storageLevel;
  }

  /**
   * Returns whether the stream's RDDs grow a lineage from batch to batch (state and inverse-window
   * streams), so that they are checkpointed whenever a checkpoint directory is set, and locally
   * checkpointed otherwise.
   */
  protected boolean mustCheckpoint() {
    return false;
  }

  /** Returns the time one slide before the first batch; null before start. */
  protected Time zeroTime() {
    return zeroTime;
  }

  /** Returns whether {@code time} is a batch of this stream: after the zero time, at a multiple of the slide. */
  public boolean isTimeValid(Time time) {
    Time zero = zeroTime;
    if (zero == null) {
      throw new IllegalStateException(this + " has not been initialized: start its StreamingContext first");
    }
    return time.greater(zero) && time.minus(zero).isMultipleOf(slideDuration());
  }

  /** Returns the batch times whose RDDs the stream remembers, oldest first. */
  public List<Time> rememberedBatchTimes() {
    return generatedRDDs.keySet().stream().sorted().toList();
  }

  /**
   * Checks the stream's settings before start, as Spark's {@code validateAtStart}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public void validateAtStart() {
    Duration every = checkpointDuration;
    if (every != null) {
      if (context().sparkContext().getCheckpointDir().isEmpty()) {
        throw new IllegalArgumentException(
            "The checkpoint directory has not been set. Please set it by StreamingContext.checkpoint() "
                + "(checkpoint interval " + every + " of " + this + ")");
      }
      if (!every.isMultipleOf(slideDuration())) {
        throw new IllegalArgumentException("The checkpoint interval for " + getClass().getSimpleName()
            + " has been set to " + every + " which is not a multiple of its slide time (" + slideDuration()
            + "). Please set it to a multiple of " + slideDuration() + ".");
      }
    }
    dependencies().forEach(DStream::validateAtStart);
  }

  // ---------------------------------------------------------------- transformations

  /** Returns a stream of {@code f} applied to each element. */
  public <R> DStream<R> map(Function<T, R> f) {
    return new MappedDStream<>(this, f);
  }

  /** Returns a stream of all the elements of the iterators {@code f} returns. */
  public <R> DStream<R> flatMap(FlatMapFunction<T, R> f) {
    return new FlatMappedDStream<>(this, f);
  }

  /** Returns a stream of the elements for which {@code f} returns true. */
  public DStream<T> filter(Function<T, Boolean> f) {
    return new FilteredDStream<>(this, f);
  }

  /** Returns a pair stream of {@code f} applied to each element. */
  public <K, V> PairDStream<K, V> mapToPair(PairFunction<T, K, V> f) {
    Function<T, Tuple2<K, V>> g = f::call;
    return PairDStream.fromDStream(new MappedDStream<>(this, g, "mapToPair"));
  }

  /** Returns a stream with one element per batch: the batch's number of elements, 0 when empty. */
  public DStream<Long> count() {
    return new CountDStream<>(this);
  }

  /** Returns a pair stream of all the pairs of the iterators {@code f} returns. */
  public <K, V> PairDStream<K, V> flatMapToPair(PairFlatMapFunction<T, K, V> f) {
    FlatMapFunction<T, Tuple2<K, V>> g = f::call;
    return PairDStream.fromDStream(new FlatMappedDStream<>(this, g, "flatMapToPair"));
  }

  /** Returns a stream of {@code f} applied to each partition's iterator of each batch. */
  public <U> DStream<U> mapPartitions(FlatMapFunction<Iterator<T>, U> f) {
    return new MapPartitionedDStream<>(this, f, false);
  }

  /** Returns a pair stream of {@code f} applied to each partition's iterator of each batch. */
  public <K, V> PairDStream<K, V> mapPartitionsToPair(PairFlatMapFunction<Iterator<T>, K, V> f) {
    FlatMapFunction<Iterator<T>, Tuple2<K, V>> g = f::call;
    return PairDStream.fromDStream(new MapPartitionedDStream<>(this, g, false, "mapPartitionsToPair"));
  }

  /** Returns a stream whose batches hold one list per partition: the partition's elements. */
  public DStream<List<T>> glom() {
    return new GlommedDStream<>(this);
  }

  /** Returns a stream whose batches are shuffled into {@code numPartitions} partitions. */
  public DStream<T> repartition(int numPartitions) {
    if (numPartitions < 1) {
      throw new IllegalArgumentException("Number of partitions (" + numPartitions + ") must be positive");
    }
    return TransformedDStream.named("repartition(" + numPartitions + ")", this, (rdd, t) -> rdd.repartition(numPartitions));
  }

  /**
   * Returns a stream with, per batch, one element: the batch's elements merged by {@code f}, as
   * Spark; an empty batch gives an empty RDD. {@code f} must be associative and commutative.
   */
  public DStream<T> reduce(Function2<T, T, T> f) {
    PairFunction<T, Integer, T> keyed = x -> new Tuple2<>(0, x);
    Function<Tuple2<Integer, T>, T> value = Tuple2::_2;
    return mapToPair(keyed).reduceByKey(f, 1).map(value);
  }

  /** Returns a stream with, per batch, each distinct element and how often it occurs. */
  public PairDStream<T, Long> countByValue() {
    return countByValue(context().sparkContext().defaultParallelism());
  }

  /** Like {@link #countByValue()} with {@code numPartitions} partitions. */
  public PairDStream<T, Long> countByValue(int numPartitions) {
    return PairDStream.fromDStream(TransformedDStream.named("countByValue", this, (rdd, t) ->
        rdd.mapToPair(x -> new Tuple2<>(x, 1L)).reduceByKey(Long::sum, numPartitions)));
  }

  /** Returns a stream whose batches hold the elements of this stream's batch and then {@code other}'s. */
  public DStream<T> union(DStream<T> other) {
    return new UnionDStream<>(List.of(this, other));
  }

  /** Returns a stream of {@code f} applied to each batch's RDD, as Spark's {@code transform}. */
  public <U> DStream<U> transform(Function<RDD<T>, RDD<U>> f) {
    return transform((rdd, time) -> f.call(rdd));
  }

  /**
   * Returns a stream of {@code f} applied to each batch's RDD and time. {@code f} runs when the
   * batch is generated; if it throws, the batch fails with its error. It must not return null.
   */
  public <U> DStream<U> transform(Function2<RDD<T>, Time, RDD<U>> f) {
    return TransformedDStream.of(this, f);
  }

  /** Returns a pair stream of {@code f} applied to each batch's RDD. */
  public <K, V> PairDStream<K, V> transformToPair(Function<RDD<T>, RDD<Tuple2<K, V>>> f) {
    return PairDStream.fromDStream(transform(f));
  }

  /** Returns a pair stream of {@code f} applied to each batch's RDD and time. */
  public <K, V> PairDStream<K, V> transformToPair(Function2<RDD<T>, Time, RDD<Tuple2<K, V>>> f) {
    return PairDStream.fromDStream(transform(f));
  }

  /**
   * Returns a stream of {@code f} applied to the RDDs of this stream and {@code other} of each
   * batch and the batch time, as Spark's {@code transformWith}. Both must have the same slide.
   */
  public <U, W> DStream<W> transformWith(DStream<U> other, Function3<RDD<T>, RDD<U>, Time, RDD<W>> f) {
    return TransformedDStream.of(this, other, f);
  }

  /** Like {@link #transformWith} for a function that returns pairs. */
  public <U, K, V> PairDStream<K, V> transformWithToPair(
      DStream<U> other, Function3<RDD<T>, RDD<U>, Time, RDD<Tuple2<K, V>>> f) {
    return PairDStream.fromDStream(transformWith(other, f));
  }

  // ---------------------------------------------------------------- windows

  /** Returns a stream whose batches hold the last {@code windowDuration} of this stream, sliding every batch. */
  public DStream<T> window(Duration windowDuration) {
    return window(windowDuration, slideDuration());
  }

  /**
   * Returns a stream whose batch at each multiple of {@code slideDuration} holds the union of
   * this stream's batches in the last {@code windowDuration}, as Spark's {@code window}.
   *
   * @throws IllegalArgumentException if either duration is not a multiple of this stream's slide
   */
  public DStream<T> window(Duration windowDuration, Duration slideDuration) {
    return new WindowedDStream<>(this, windowDuration, slideDuration);
  }

  /**
   * Returns a stream with, per window, one element: its number of elements. Computed
   * incrementally (adding the new batches, subtracting the old), as Spark.
   */
  public DStream<Long> countByWindow(Duration windowDuration, Duration slideDuration) {
    Function<T, Long> one = x -> 1L;
    return map(one).reduceByWindow(Long::sum, (a, b) -> a - b, windowDuration, slideDuration);
  }

  /** Returns a stream with, per window, its elements merged by {@code f}; see {@link #reduce}. */
  public DStream<T> reduceByWindow(Function2<T, T, T> f, Duration windowDuration, Duration slideDuration) {
    return reduce(f).window(windowDuration, slideDuration).reduce(f);
  }

  /**
   * Returns a stream with, per window, its elements merged by {@code f}, computed from the
   * previous window by merging the batches that entered and "unmerging" with {@code invF} those
   * that left, as Spark; {@code invF} must undo {@code f}.
   */
  public DStream<T> reduceByWindow(
      Function2<T, T, T> f, Function2<T, T, T> invF, Duration windowDuration, Duration slideDuration) {
    PairFunction<T, Integer, T> keyed = x -> new Tuple2<>(1, x);
    Function<Tuple2<Integer, T>, T> value = Tuple2::_2;
    return mapToPair(keyed)
        .reduceByKeyAndWindow(f, invF, windowDuration, slideDuration, 1, null)
        .map(value);
  }

  /** Returns a stream with, per window, each distinct element and its count in the window. */
  public PairDStream<T, Long> countByValueAndWindow(Duration windowDuration, Duration slideDuration) {
    return countByValueAndWindow(windowDuration, slideDuration, context().sparkContext().defaultParallelism());
  }

  /**
   * Like {@link #countByValueAndWindow(Duration, Duration)} in {@code numPartitions} partitions;
   * computed incrementally, elements whose count drops to 0 are left out.
   */
  public PairDStream<T, Long> countByValueAndWindow(Duration windowDuration, Duration slideDuration, int numPartitions) {
    PairFunction<T, T, Long> one = x -> new Tuple2<>(x, 1L);
    return mapToPair(one).reduceByKeyAndWindow(
        Long::sum, (a, b) -> a - b, windowDuration, slideDuration, numPartitions, kv -> kv._2() != 0L);
  }

  // ---------------------------------------------------------------- persistence and checkpoints

  /** Persists each batch's RDD at {@link StorageLevel#MEMORY_ONLY_SER}, as Spark's DStream {@code cache}; returns this stream. */
  public DStream<T> cache() {
    return persist();
  }

  /** Persists each batch's RDD at {@link StorageLevel#MEMORY_ONLY_SER}, as Spark's DStream default; returns this stream. */
  public DStream<T> persist() {
    return persist(StorageLevel.MEMORY_ONLY_SER);
  }

  /**
   * Persists each batch's RDD at {@code level} from the next start; RDDs are unpersisted when the
   * stream forgets them. Returns this stream.
   *
   * @throws UnsupportedOperationException while the context runs, as Spark (stop it first)
   */
  public DStream<T> persist(StorageLevel level) {
    if (level == null) {
      throw new NullPointerException("storage level");
    }
    assertNotRunning("Cannot change storage level of a DStream after streaming context has started");
    storageLevel = level;
    return this;
  }

  /**
   * Checkpoints the batch RDD every {@code interval} (cutting its lineage), under the directory
   * set with {@code ssc.checkpoint(dir)}; returns this stream. {@code start()} fails with a clear
   * error if no directory is set or the interval is not a multiple of the slide.
   *
   * @throws UnsupportedOperationException while the context runs, as Spark (stop it first)
   */
  public DStream<T> checkpoint(Duration interval) {
    if (interval == null || interval.milliseconds() <= 0) {
      throw new IllegalArgumentException("the checkpoint interval must be positive, not " + interval);
    }
    assertNotRunning("Cannot change checkpoint interval of a DStream after streaming context has started");
    checkpointDuration = interval;
    persistIfNone();
    return this;
  }

  /** Throws Spark's error for a change to a stream of a running context; the context may be stopped and changed. */
  private void assertNotRunning(String sparkMessage) {
    if (ssc.getState() == StreamingContextState.ACTIVE) {
      throw new UnsupportedOperationException(sparkMessage + " (" + this + "); stop it first (ssc.stop()), "
          + "change the stream, then start it again");
    }
  }

  /** Persists at {@link StorageLevel#MEMORY_ONLY_SER} unless a level was set; for checkpointed streams. */
  protected final void persistIfNone() {
    if (!storageLevel.isValid()) {
      storageLevel = StorageLevel.MEMORY_ONLY_SER;
    }
  }

  // ---------------------------------------------------------------- slices

  /**
   * Returns the RDDs of this stream's batches from {@code fromTime} to {@code toTime}, both
   * included and aligned down to the stream's batches, as Spark's {@code slice}; remembered RDDs
   * are reused, the others computed.
   *
   * @throws IllegalStateException if the context was never started
   */
  public List<RDD<T>> slice(Time fromTime, Time toTime) {
    Time zero = zeroTime;
    if (zero == null) {
      throw new IllegalStateException(this + " has not been initialized: start its StreamingContext first");
    }
    long slide = slideDuration().milliseconds();
    long from = alignDown(fromTime.milliseconds(), zero.milliseconds(), slide);
    long to = alignDown(toTime.milliseconds(), zero.milliseconds(), slide);
    List<RDD<T>> rdds = new ArrayList<>();
    for (long t = from; t <= to; t += slide) {
      if (t > zero.milliseconds()) {
        getOrCompute(new Time(t)).ifPresent(rdds::add);
      }
    }
    return rdds;
  }

  private static long alignDown(long time, long zero, long slide) {
    return zero + Math.floorDiv(time - zero, slide) * slide;
  }

  // ---------------------------------------------------------------- output operations

  /** Prints the first ten elements of each batch; see {@link #print(int)}. */
  public void print() {
    print(10);
  }

  /**
   * Prints the first {@code num} elements of each batch to {@code System.out} in Spark's format
   * (a dashed header with the batch time, the elements, {@code ...} if there are more), and
   * publishes them as an {@code OutputRows} event. Setting {@code eddy.streaming.print.stdout}
   * to false keeps only the event.
   */
  public void print(int num) {
    new ForEachDStream<>(this, new PrintOutput<>(num, context().sparkContext()), "print").register();
  }

  /** Runs {@code f} on each batch's RDD, on the batch thread. */
  public void foreachRDD(VoidFunction<RDD<T>> f) {
    new ForEachDStream<T>(this, (rdd, time, out) -> f.call(rdd), "foreachRDD").register();
  }

  /** Runs {@code f} on each batch's RDD and time, on the batch thread. */
  public void foreachRDD(VoidFunction2<RDD<T>, Time> f) {
    new ForEachDStream<T>(this, (rdd, time, out) -> f.call(rdd, time), "foreachRDD").register();
  }

  /**
   * Saves each batch as text files in the directory {@code prefix-TIME_IN_MS.suffix} (or
   * {@code prefix-TIME_IN_MS} when the suffix is null or empty), as Spark's {@code saveAsTextFiles}.
   */
  public void saveAsTextFiles(String prefix, String suffix) {
    new ForEachDStream<T>(this, (rdd, time, out) -> rdd.saveAsTextFile(rddToFileName(prefix, suffix, time)),
        "saveAsTextFiles").register();
  }

  /** Returns Spark's name for the output of the batch at {@code time}: {@code prefix-TIME_IN_MS.suffix}. */
  public static String rddToFileName(String prefix, String suffix, Time time) {
    String name = prefix + "-" + time.milliseconds();
    return suffix == null || suffix.isEmpty() ? name : name + "." + suffix;
  }

  // ---------------------------------------------------------------- diagram

  /**
   * Returns the name of this stream's operation as its diagram box shows it, such as {@code "map"}
   * or {@code "queueStream"}. The default derives it from the class name ({@code MappedDStream}
   * gives {@code "map"}, {@code FilteredDStream} {@code "filter"}, {@code QueueInputDStream}
   * {@code "queueStream"}); operators override it to read as the API call that made them, e.g.
   * {@code "window(30 s, 10 s)"}, {@code "updateStateByKey"} or {@code "join"}.
   */
  public String operatorName() {
    String name = getClass().getSimpleName().replaceFirst("DStream$", "");
    if (name.endsWith("Input")) {
      name = name.substring(0, name.length() - "Input".length()) + "Stream";
    } else if (name.endsWith("ed") && name.length() > 2) {
      name = name.substring(0, name.length() - 2);
      int n = name.length();
      if (n > 1 && name.charAt(n - 1) == name.charAt(n - 2)) {
        name = name.substring(0, n - 1);
      }
    }
    return name.isEmpty() ? getClass().getSimpleName() : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /**
   * Returns this stream's lineage as a diagram: this stream and every stream it is computed from,
   * back to the input streams. Show it with {@code display(stream.dag())} or {@code %dag stream};
   * {@code ssc.dag()} draws the whole graph.
   */
  public dev.eddy.dag.Dag dag() {
    return dev.eddy.streaming.dstream.internal.DStreamDag.of("DStream lineage", List.of(this));
  }

  /** Returns {@code "ClassName [id]"}. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + " [" + id + "]";
  }

  // ---------------------------------------------------------------- streaming checkpoints (recovery)

  /**
   * Returns what this stream needs, beyond its parents, to go on after a recovery from a
   * checkpoint at {@code time}: named blobs of partitions (one list per partition). Empty for
   * streams without state; state streams ({@code updateStateByKey}, {@code mapWithState},
   * inverse windows) return their state as of {@code time}. Engine machinery, called on the
   * batch thread after the batch at {@code time} ran.
   */
  public Map<String, List<List<?>>> checkpointData(Time time) {
    return Map.of();
  }

  /**
   * Restores what {@link #checkpointData} returned, as this stream's state just before the batch
   * after {@code time}; called after the graph started and before any batch is generated.
   */
  public void restoreCheckpointData(Time time, Map<String, List<List<?>>> data) {}

  /** Makes {@code rdd} this stream's RDD of the batch at {@code time}, as if it had been computed. */
  protected final void restoreRDD(Time time, RDD<T> rdd) {
    generatedRDDs.put(time, rdd);
  }

  /** Returns the elements of each partition of {@code rdd} (a job); for {@link #checkpointData}. */
  protected static List<List<?>> partitionsOf(RDD<?> rdd) {
    return new ArrayList<>(rdd.glom().collect());
  }

  /** Returns the elements of all {@code partitions}, in order; for {@link #restoreCheckpointData}. */
  @SuppressWarnings("unchecked")
  protected static <E> List<E> elementsOf(List<List<?>> partitions) {
    List<E> all = new ArrayList<>();
    partitions.forEach(p -> all.addAll((List<E>) p));
    return all;
  }
}
