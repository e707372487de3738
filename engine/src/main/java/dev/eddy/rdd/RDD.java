package dev.eddy.rdd;

import dev.eddy.EddyContext;
import dev.eddy.TaskContext;
import dev.eddy.api.FlatMapFunction;
import dev.eddy.api.Function;
import dev.eddy.api.Function2;
import dev.eddy.api.PairFunction;
import dev.eddy.api.Tuple2;
import dev.eddy.api.VoidFunction;
import dev.eddy.dag.Dag;
import dev.eddy.rdd.internal.InterruptibleIterator;
import dev.eddy.rdd.internal.Iterators;
import dev.eddy.rdd.internal.MapPartitionsRDD;
import dev.eddy.rdd.internal.CartesianRDD;
import dev.eddy.rdd.internal.CoalescedRDD;
import dev.eddy.rdd.internal.NaturalOrder;
import dev.eddy.rdd.internal.RDDCheckpointer;
import dev.eddy.rdd.internal.RDDStorageState;
import dev.eddy.rdd.internal.Samplers;
import dev.eddy.rdd.internal.TextOutput;
import dev.eddy.rdd.internal.TopK;
import dev.eddy.rdd.internal.UnionRDD;
import dev.eddy.rdd.internal.UserFunctionException;
import dev.eddy.rdd.internal.ZeroValue;
import dev.eddy.rdd.internal.ZippedPartitionsRDD;
import dev.eddy.storage.StorageLevel;
import dev.eddy.scheduler.LineageDag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A resilient distributed dataset, as Spark's {@code RDD}: an immutable, partitioned collection
 * described by its lineage (its parents and how to compute each partition from them).
 *
 * <pre>{@code
 * List<Integer> lengths = sc.parallelize(Arrays.asList("a", "bb", "ccc"), 2)
 *     .map(String::length)
 *     .filter(n -> n > 1)
 *     .collect();                       // [2, 3]
 * }</pre>
 *
 * <p>Transformations ({@code map}, {@code filter}, ...) return a new RDD and run nothing; actions
 * ({@code collect}, {@code count}, ...) run a job on the context's task threads and block until it
 * ends. As in Spark, three transformations run a small job when called: {@code sortBy} (and
 * {@link PairRDD#sortByKey()}) to sample keys for a {@link RangePartitioner}, and
 * {@code zipWithIndex} to count the elements of each partition. An action on a stopped context
 * throws {@link IllegalStateException}. Each action recomputes the lineage, except where an RDD
 * was {@link #persist persisted} or {@link #checkpoint checkpointed}.
 *
 * <p>By-key operations live on {@link PairRDD}; a pair RDD keeps its type through
 * {@code filter}, {@code distinct}, set operations, {@code sample} and {@code coalesce}.
 *
 * <p>Subclasses implement {@link #getPartitions()} and {@link #compute}; they must be immutable.
 * An RDD is thread-safe: several threads may run actions on it at once.
 *
 * @param <T> the element type; elements may be null
 */
public abstract class RDD<T> {
  private final EddyContext sc;
  private final int id;
  /** Whether the RDD reads data rather than parents: its elements count as records read. */
  private final boolean source;
  private final String creationSite;
  private volatile String name;
  private volatile List<Partition> partitions;
  private final RDDStorageState storage;

  /**
   * Creates an RDD with a new id.
   *
   * @param creationSite the operation that made it, shown in {@link #toString()} ({@code "map"})
   */
  protected RDD(EddyContext sc, List<Dependency<?>> dependencies, String creationSite) {
    this.sc = sc;
    this.id = sc.newRddId();
    this.source = dependencies.isEmpty();
    this.creationSite = creationSite;
    this.storage = new RDDStorageState(List.copyOf(dependencies));
  }

  /** Creates an RDD that reads {@code parent} one partition to one partition. */
  protected RDD(RDD<?> parent, String creationSite) {
    this(parent.sc, List.of(new OneToOneDependency<>(parent)), creationSite);
  }

  /** Creates a view of {@code same} that shares its id, lineage and partitions; for {@link PairRDD}. */
  RDD(RDD<?> same) {
    this.sc = same.sc;
    this.id = same.id;
    this.source = same.source;
    this.creationSite = same.creationSite;
    this.storage = same.storage;
  }

  // ---------------------------------------------------------------- structure

  /** Returns the context this RDD belongs to. */
  public EddyContext context() {
    return sc;
  }

  /** Returns the RDD's id, unique within its context. */
  public int id() {
    return id;
  }

  /**
   * Returns how this RDD depends on its parents; empty for a source; the checkpoint once
   * checkpointed, when the RDD lets go of its parents so that they may be collected.
   */
  public List<Dependency<?>> dependencies() {
    return storage.dependencies();
  }

  /** Returns the first parent: the RDD of the first dependency (the checkpoint once checkpointed). */
  @SuppressWarnings("unchecked")
  protected final <U> RDD<U> firstParent() {
    return (RDD<U>) dependencies().get(0).rdd();
  }

  /** Returns the partitions, computed once; the checkpoint's once checkpointed (same indexes). */
  public List<Partition> partitions() {
    Optional<RDD<?>> checkpoint = storage.checkpointRDD();
    if (checkpoint.isPresent()) {
      partitions = null; // the parents' partitions may hold their data
      return checkpoint.get().partitions();
    }
    List<Partition> p = partitions;
    if (p == null) {
      p = List.copyOf(getPartitions());
      partitions = p;
    }
    return p;
  }

  /** Returns the number of partitions. */
  public int getNumPartitions() {
    return partitions().size();
  }

  /** Returns the partitioner when the RDD's keys are placed by one (after a shuffle). */
  public Optional<Partitioner> partitioner() {
    return Optional.empty();
  }

  /** Computes the partitions; called once. */
  protected abstract List<Partition> getPartitions();

  /** Computes one partition's elements; called by a task. */
  public abstract Iterator<T> compute(Partition split, TaskContext context);

  /**
   * Returns a partition's elements, from the cache or checkpoint when there is one; stops early
   * when the task is interrupted. A source's elements are counted as the task's records read. For
   * tasks and subclasses.
   */
  public final Iterator<T> iterator(Partition split, TaskContext context) {
    Iterator<T> elements = storage.iterator(this, split, context);
    if (source && context != null) {
      elements = context.taskMetrics().countRecordsRead(elements);
    }
    return new InterruptibleIterator<>(context, elements);
  }

  /** Returns the name set with {@link #setName}, or null. */
  public String name() {
    return name;
  }

  /** Names this RDD for {@link #toString()} and returns it. */
  public RDD<T> setName(String name) {
    this.name = name;
    return this;
  }

  /** Returns the operation that created the RDD, such as {@code "map"}. */
  public String creationSite() {
    return creationSite;
  }

  // ---------------------------------------------------------------- persistence and checkpoint

  /** Persists this RDD at {@link StorageLevel#MEMORY_ONLY} and returns it, as Spark's {@code cache}. */
  public RDD<T> cache() {
    return persist(StorageLevel.MEMORY_ONLY);
  }

  /**
   * Keeps each partition at {@code level} the first time an action computes it, so later actions
   * read it instead of recomputing its lineage; returns this RDD.
   *
   * @throws UnsupportedOperationException if another level was already assigned, as Spark (an
   *     RDD marked for a local checkpoint takes the new level, with disk added)
   */
  public RDD<T> persist(StorageLevel level) {
    storage.persist(level);
    return this;
  }

  /** Removes this RDD's cached partitions and forgets its storage level; returns this RDD. */
  public RDD<T> unpersist() {
    storage.unpersist(this);
    return this;
  }

  /** Returns the storage level; {@link StorageLevel#NONE} when not persisted. */
  public StorageLevel getStorageLevel() {
    return storage.level();
  }

  /**
   * Marks this RDD for checkpointing: after the next action that computes it, its partitions are
   * written under {@code sc.setCheckpointDir(dir)} and its lineage is cut there. Persist it too,
   * or the checkpoint recomputes it. Elements must be serializable with the context's serializer.
   * Does nothing if the RDD is marked for a {@link #localCheckpoint() local checkpoint}, as Spark.
   *
   * @throws dev.eddy.EddyException if the context has no checkpoint directory, as Spark
   */
  public void checkpoint() {
    if (sc.getCheckpointDir().isEmpty()) {
      throw RDDCheckpointer.dirNotSet();
    }
    storage.markForCheckpoint();
  }

  /**
   * Marks this RDD for a local checkpoint, as Spark's {@code localCheckpoint}: after the next
   * action that computes it, its lineage is cut at its cached blocks, which then are its only
   * copy. For long lineages that grow by one step per iteration or per batch (state streams, loops)
   * and must stay short without a checkpoint directory; faster than {@link #checkpoint()}, but a
   * partition whose block is lost (by {@link #unpersist()}, or with its context) cannot be
   * recomputed: reading it fails with an error saying so. Persists the RDD at
   * {@link StorageLevel#MEMORY_AND_DISK}, or adds disk to the level set (and to one set later), so
   * that memory pressure moves blocks to disk instead of dropping them; the partitions the action
   * did not compute are computed by a second job. Does nothing more once the RDD is checkpointed.
   * Returns this RDD.
   */
  public RDD<T> localCheckpoint() {
    storage.markForLocalCheckpoint();
    return this;
  }

  /** Returns whether this RDD is checkpointed, to files or locally (its lineage then ends at the checkpoint), as Spark. */
  public boolean isCheckpointed() {
    return storage.isCheckpointed();
  }

  /** Returns whether this RDD was marked with {@link #localCheckpoint()}, checkpointed yet or not. */
  public boolean isLocallyCheckpointed() {
    return storage.isLocallyCheckpointed();
  }

  /** Returns the directory of this RDD's checkpoint files once written; empty for a local checkpoint. */
  public Optional<String> getCheckpointFile() {
    return storage.checkpointFile();
  }

  /** Returns the storage and checkpoint state shared with this RDD's views; engine machinery. */
  public final RDDStorageState storageState() {
    return storage;
  }

  // ---------------------------------------------------------------- transformations

  /** Returns an RDD of {@code f} applied to each element. */
  public <R> RDD<R> map(Function<T, R> f) {
    return new MapPartitionsRDD<T, R>(this, (ctx, i, it) -> Iterators.map(it, f), false, "map");
  }

  /** Returns an RDD of the elements for which {@code f} returns true. */
  public RDD<T> filter(Function<T, Boolean> f) {
    return new MapPartitionsRDD<T, T>(this, (ctx, i, it) -> Iterators.filter(it, f), true, "filter");
  }

  /** Returns an RDD of all the elements of the iterators {@code f} returns. */
  public <R> RDD<R> flatMap(FlatMapFunction<T, R> f) {
    return new MapPartitionsRDD<T, R>(this, (ctx, i, it) -> Iterators.flatMap(it, f), false, "flatMap");
  }

  /** Returns a pair RDD of {@code f} applied to each element. */
  public <K, V> PairRDD<K, V> mapToPair(PairFunction<T, K, V> f) {
    Function<T, Tuple2<K, V>> g = f::call;
    return new PairRDD<>(
        new MapPartitionsRDD<T, Tuple2<K, V>>(this, (ctx, i, it) -> Iterators.map(it, g), false, "mapToPair"));
  }

  /** Returns an RDD of {@code f} applied to each partition's iterator as a whole. */
  public <R> RDD<R> mapPartitions(FlatMapFunction<Iterator<T>, R> f) {
    return new MapPartitionsRDD<T, R>(this, (ctx, i, it) -> {
      try {
        Iterator<R> out = f.call(it);
        return out == null ? Collections.emptyIterator() : out;
      } catch (Exception e) {
        throw UserFunctionException.wrap(e);
      }
    }, false, "mapPartitions");
  }

  /** Returns the elements of this RDD followed by those of {@code other}; duplicates are kept. */
  public RDD<T> union(RDD<T> other) {
    return new UnionRDD<>(sc, List.of(this, other));
  }


  /**
   * Returns an RDD of {@code f} applied to each partition's index and iterator.
   *
   * @param preservesPartitioning whether {@code f} keeps each pair's key, so that the partitioner
   *     still holds (as Spark, the caller vouches for it)
   */
  public <R> RDD<R> mapPartitionsWithIndex(
      Function2<Integer, Iterator<T>, Iterator<R>> f, boolean preservesPartitioning) {
    return new MapPartitionsRDD<T, R>(this, (ctx, i, it) -> {
      try {
        Iterator<R> out = f.call(i, it);
        return out == null ? Collections.emptyIterator() : out;
      } catch (Exception e) {
        throw UserFunctionException.wrap(e);
      }
    }, preservesPartitioning, "mapPartitionsWithIndex");
  }

  /** Returns an RDD of {@code f} applied to each partition's iterator; see {@link #mapPartitionsWithIndex}. */
  public <R> RDD<R> mapPartitions(FlatMapFunction<Iterator<T>, R> f, boolean preservesPartitioning) {
    return mapPartitionsWithIndex((i, it) -> f.call(it), preservesPartitioning);
  }

  /** Returns an RDD with one element per partition: the list of the partition's elements. */
  public RDD<List<T>> glom() {
    return new MapPartitionsRDD<T, List<T>>(this, (ctx, i, it) -> List.<List<T>>of(drain(it)).iterator(), false, "glom");
  }

  /** Returns each distinct element once, in as many partitions as this RDD; costs a shuffle. */
  public RDD<T> distinct() {
    return distinct(Math.max(1, getNumPartitions()));
  }

  /** Returns each distinct element once, in {@code numPartitions} partitions; costs a shuffle. */
  public RDD<T> distinct(int numPartitions) {
    return withNullValues().reduceByKey((a, b) -> a, numPartitions).keys();
  }

  /**
   * Returns the elements present in both RDDs, each once, in as many partitions as the larger of
   * the two; costs a shuffle of both.
   */
  public RDD<T> intersection(RDD<T> other) {
    return intersection(other, Math.max(1, Math.max(getNumPartitions(), other.getNumPartitions())));
  }

  /** Returns the elements present in both RDDs, each once, in {@code numPartitions} partitions. */
  public RDD<T> intersection(RDD<T> other, int numPartitions) {
    return withNullValues().cogroup(other.withNullValues(), new HashPartitioner(numPartitions))
        .filter(t -> t._2()._1().iterator().hasNext() && t._2()._2().iterator().hasNext())
        .map(Tuple2::_1);
  }

  /**
   * Returns the elements of this RDD that are not in {@code other}, duplicates kept, as Spark; in
   * as many partitions as this RDD.
   */
  public RDD<T> subtract(RDD<T> other) {
    return subtract(other, Math.max(1, getNumPartitions()));
  }

  /** Returns the elements of this RDD that are not in {@code other}, in {@code numPartitions} partitions. */
  public RDD<T> subtract(RDD<T> other, int numPartitions) {
    return withNullValues().subtractByKey(other.withNullValues(), new HashPartitioner(numPartitions)).keys();
  }

  /**
   * Returns every pair of an element of this RDD and an element of {@code other}, in
   * {@code this.partitions * other.partitions} partitions; moves no data.
   */
  public <U> PairRDD<T, U> cartesian(RDD<U> other) {
    return PairRDD.fromRDD(new CartesianRDD<>(this, other));
  }

  /**
   * Returns pairs of the elements at the same position in this RDD and {@code other}, as Spark's
   * {@code zip}; both must have the same number of partitions and of elements in each partition.
   *
   * @throws IllegalArgumentException at once if the numbers of partitions differ; a job on the
   *     result fails with an {@link IllegalStateException} if a partition's sizes differ
   */
  public <U> PairRDD<T, U> zip(RDD<U> other) {
    return PairRDD.fromRDD(new ZippedPartitionsRDD<T, U, Tuple2<T, U>>(this, other, Iterators::zip, "zip"));
  }

  /**
   * Returns each element with its index: the first element of partition 0 has index 0, and the
   * indexes follow partition order, as Spark. With more than one partition it runs a job at once
   * to count the elements of every partition but the last.
   */
  public PairRDD<T, Long> zipWithIndex() {
    long[] starts = new long[Math.max(1, getNumPartitions())];
    if (getNumPartitions() > 1) {
      List<Integer> allButLast = new ArrayList<>();
      for (int i = 0; i < getNumPartitions() - 1; i++) {
        allButLast.add(i);
      }
      List<Long> sizes = sc.runJob(this, (ctx, it) -> countOf(it), allButLast);
      for (int i = 1; i < starts.length; i++) {
        starts[i] = starts[i - 1] + sizes.get(i - 1);
      }
    }
    return PairRDD.fromRDD(new MapPartitionsRDD<T, Tuple2<T, Long>>(this, (ctx, i, it) -> {
      long[] next = {starts[i]};
      return Iterators.map(it, t -> new Tuple2<>(t, next[0]++));
    }, false, "zipWithIndex"));
  }

  /**
   * Returns each element with a unique id without running a job: the k-th element of partition p
   * gets {@code k * n + p} for n partitions, as Spark. Ids are unique, not consecutive.
   */
  public PairRDD<T, Long> zipWithUniqueId() {
    long n = getNumPartitions();
    return PairRDD.fromRDD(new MapPartitionsRDD<T, Tuple2<T, Long>>(this, (ctx, i, it) -> {
      long[] k = {0};
      return Iterators.map(it, t -> new Tuple2<>(t, k[0]++ * n + i));
    }, false, "zipWithUniqueId"));
  }

  /** Returns a random sample with a random seed; see {@link #sample(boolean, double, long)}. */
  public RDD<T> sample(boolean withReplacement, double fraction) {
    return sample(withReplacement, fraction, new Random().nextLong());
  }

  /**
   * Returns a random sample of about {@code fraction} of the elements, as Spark: without
   * replacement each element is kept with probability {@code fraction} (Bernoulli); with
   * replacement each appears a Poisson({@code fraction}) number of times. Each partition draws
   * from its own generator seeded from {@code seed}, so a seed gives the same sample on every run.
   *
   * @throws IllegalArgumentException if {@code fraction} is negative, or above 1 without replacement
   */
  public RDD<T> sample(boolean withReplacement, double fraction, long seed) {
    if (!(fraction >= 0) || (!withReplacement && fraction > 1)) {
      throw new IllegalArgumentException(withReplacement
          ? "Sampling fraction (" + fraction + ") must be nonnegative with replacement"
          : "Sampling fraction (" + fraction + ") must be on interval [0, 1] without replacement");
    }
    Random seeds = new Random(seed);
    long[] partitionSeeds = new long[getNumPartitions()];
    for (int i = 0; i < partitionSeeds.length; i++) {
      partitionSeeds[i] = seeds.nextLong();
    }
    return new MapPartitionsRDD<T, T>(this, (ctx, i, it) -> withReplacement
        ? Samplers.poisson(it, fraction, new Random(partitionSeeds[i]))
        : Samplers.bernoulli(it, fraction, new Random(partitionSeeds[i])), true, "sample");
  }

  /**
   * Returns the elements in {@code numPartitions} partitions, spread evenly by a shuffle (round
   * robin from a position chosen per partition, as Spark); use {@link #coalesce(int)} to only
   * reduce the number of partitions without a shuffle.
   */
  public RDD<T> repartition(int numPartitions) {
    return coalesce(numPartitions, true);
  }

  /** Returns the elements in at most {@code numPartitions} partitions, merging adjacent ones without a shuffle. */
  public RDD<T> coalesce(int numPartitions) {
    return coalesce(numPartitions, false);
  }

  /**
   * Returns the elements in {@code numPartitions} partitions: without shuffle, by merging adjacent
   * partitions (a narrow dependency; never more partitions than now); with shuffle, by spreading
   * the elements evenly over exactly {@code numPartitions}.
   */
  public RDD<T> coalesce(int numPartitions, boolean shuffle) {
    if (numPartitions < 1) {
      throw new IllegalArgumentException("Number of partitions (" + numPartitions + ") must be positive.");
    }
    if (!shuffle) {
      return new CoalescedRDD<>(this, numPartitions);
    }
    return PairRDD.fromRDD(mapPartitionsWithIndex((index, it) -> {
      int[] position = {new Random(index).nextInt(numPartitions)};
      return Iterators.map(it, t -> new Tuple2<>(position[0]++ % numPartitions, t));
    }, false)).partitionBy(new HashPartitioner(numPartitions)).values();
  }

  /**
   * Returns the elements sorted by the key {@code f} gives them, in {@code numPartitions} ranges
   * (partition 0 first), as Spark: a {@link RangePartitioner} samples the keys (a job, run now),
   * a shuffle places each element in its range, and each partition is sorted. Keys are ordered
   * naturally; a null key fails with an {@link IllegalArgumentException}.
   */
  public <S> RDD<T> sortBy(Function<T, S> f, boolean ascending, int numPartitions) {
    return keyBy(f).sortByKey(ascending, numPartitions).values();
  }

  /** Returns pairs of {@code (f(element), element)}. */
  public <K> PairRDD<K, T> keyBy(Function<T, K> f) {
    return mapToPair(t -> new Tuple2<>(f.call(t), t));
  }

  /** Returns the elements grouped by the key {@code f} gives them; see {@link PairRDD#groupByKey()}. */
  public <K> PairRDD<K, Iterable<T>> groupBy(Function<T, K> f) {
    return keyBy(f).groupByKey();
  }

  /** Returns the elements grouped by the key {@code f} gives them, in {@code numPartitions} partitions. */
  public <K> PairRDD<K, Iterable<T>> groupBy(Function<T, K> f, int numPartitions) {
    return keyBy(f).groupByKey(numPartitions);
  }

  // ---------------------------------------------------------------- actions

  /** Returns all elements, partition by partition, in one list. */
  public List<T> collect() {
    List<List<T>> perPartition = sc.runJob(this, RDD::drain);
    List<T> all = new ArrayList<>();
    perPartition.forEach(all::addAll);
    return all;
  }

  /** Returns the number of elements. */
  public long count() {
    List<Long> counts = sc.runJob(this, RDD::countOf);
    return counts.stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Returns the first {@code num} elements in partition order. Unlike Spark, which scans a growing
   * number of partitions, it runs one job that stops each partition after {@code num} elements.
   */
  public List<T> take(int num) {
    if (num <= 0) {
      sc.assertNotStopped();
      return new ArrayList<>();
    }
    List<List<T>> perPartition = sc.runJob(this, it -> drain(Iterators.limit(it, num)));
    List<T> first = new ArrayList<>(num);
    for (List<T> part : perPartition) {
      for (T t : part) {
        if (first.size() == num) {
          return first;
        }
        first.add(t);
      }
    }
    return first;
  }

  /**
   * Returns the first element.
   *
   * @throws UnsupportedOperationException with Spark's message {@code "empty collection"} if the
   *     RDD is empty
   */
  public T first() {
    List<T> one = take(1);
    if (one.isEmpty()) {
      throw new UnsupportedOperationException("empty collection: first() of " + this);
    }
    return one.get(0);
  }

  /** Returns whether the RDD has no element; runs a job that stops at the first element. */
  public boolean isEmpty() {
    return getNumPartitions() == 0 || take(1).isEmpty();
  }

  /**
   * Returns the {@code num} smallest elements in natural order, smallest first. Each partition
   * keeps only its own {@code num} smallest, so memory is O(num) per task.
   *
   * @throws IllegalArgumentException (as a job failure's cause) for a null or non-Comparable element
   */
  public List<T> takeOrdered(int num) {
    return takeOrdered(num, NaturalOrder.get());
  }

  /** Returns the {@code num} smallest elements by {@code comp}, smallest first. */
  public List<T> takeOrdered(int num, Comparator<T> comp) {
    if (num <= 0) {
      sc.assertNotStopped();
      return new ArrayList<>();
    }
    List<List<T>> perPartition = sc.runJob(this, it -> TopK.smallest(it, num, comp));
    List<T> all = new ArrayList<>();
    perPartition.forEach(all::addAll);
    return TopK.smallest(all.iterator(), num, comp);
  }

  /** Returns the {@code num} largest elements in natural order, largest first. */
  public List<T> top(int num) {
    return top(num, NaturalOrder.get());
  }

  /** Returns the {@code num} largest elements by {@code comp}, largest first. */
  public List<T> top(int num, Comparator<T> comp) {
    return takeOrdered(num, comp.reversed());
  }

  /**
   * Returns the largest element by {@code comp}.
   *
   * @throws UnsupportedOperationException if the RDD is empty
   */
  public T max(Comparator<T> comp) {
    return reduce((a, b) -> comp.compare(a, b) >= 0 ? a : b);
  }

  /**
   * Returns the smallest element by {@code comp}.
   *
   * @throws UnsupportedOperationException if the RDD is empty
   */
  public T min(Comparator<T> comp) {
    return reduce((a, b) -> comp.compare(a, b) <= 0 ? a : b);
  }

  /**
   * Returns the elements merged with {@code f}, which must be associative and commutative.
   *
   * @throws UnsupportedOperationException if the RDD is empty, as Spark
   */
  public T reduce(Function2<T, T, T> f) {
    List<Optional<Object[]>> partial = sc.runJob(this, it -> {
      if (!it.hasNext()) {
        return Optional.<Object[]>empty();
      }
      T acc = it.next();
      while (it.hasNext()) {
        acc = f.call(acc, it.next());
      }
      return Optional.of(new Object[] {acc});
    });
    boolean seen = false;
    T result = null;
    for (Optional<Object[]> p : partial) {
      if (p.isPresent()) {
        @SuppressWarnings("unchecked")
        T value = (T) p.get()[0];
        try {
          result = seen ? f.call(result, value) : value;
        } catch (Exception e) {
          throw UserFunctionException.wrap(e);
        }
        seen = true;
      }
    }
    if (!seen) {
      throw new UnsupportedOperationException("empty collection");
    }
    return result;
  }

  /** Runs {@code f} on each element, on the task threads. */
  public void foreach(VoidFunction<T> f) {
    sc.runJob(this, it -> {
      while (it.hasNext()) {
        f.call(it.next());
      }
      return null;
    });
  }


  /**
   * Returns the elements merged with {@code op}, each partition starting from a fresh copy of
   * {@code zero}, then the partitions' results merged starting from another copy, as Spark (so a
   * {@code zero} that is not neutral counts once per partition plus once). {@code op} may update
   * and return its first argument.
   */
  public T fold(T zero, Function2<T, T, T> op) {
    return aggregate(zero, op, op);
  }

  /**
   * Returns the elements folded into a {@code U}: each partition folds its elements into a fresh
   * copy of {@code zero} with {@code seqOp}, then the partitions' results are merged into another
   * copy with {@code combOp}, as Spark. Both functions may update and return their first argument.
   */
  public <U> U aggregate(U zero, Function2<U, T, U> seqOp, Function2<U, U, U> combOp) {
    ZeroValue<U> zeros = ZeroValue.of(zero);
    List<U> partial = sc.runJob(this, it -> {
      U acc = zeros.copy();
      while (it.hasNext()) {
        acc = seqOp.call(acc, it.next());
      }
      return acc;
    });
    U result = zeros.copy();
    for (U p : partial) {
      try {
        result = combOp.call(result, p);
      } catch (Exception e) {
        throw UserFunctionException.wrap(e);
      }
    }
    return result;
  }

  /** Runs {@code f} on each partition's iterator, on the task threads. */
  public void foreachPartition(VoidFunction<Iterator<T>> f) {
    sc.runJob(this, it -> {
      f.call(it);
      return null;
    });
  }

  /** Returns how many times each distinct element occurs; the map allows a null key. Costs a shuffle. */
  public Map<T, Long> countByValue() {
    return withNullValues().countByKey();
  }

  /**
   * Writes the elements as text to the directory {@code path}, as Spark: one {@code part-NNNNN}
   * file per partition, an element per line ({@code String.valueOf}), UTF-8, and an empty
   * {@code _SUCCESS} file once all parts are written. Read it back with
   * {@link EddyContext#textFile(String)}.
   *
   * @throws java.io.UncheckedIOException caused by {@link java.nio.file.FileAlreadyExistsException}
   *     if {@code path} exists
   */
  public void saveAsTextFile(String path) {
    TextOutput.save(this, path);
  }

  // ---------------------------------------------------------------- description

  /**
   * Returns the lineage, one RDD a line, indented at each shuffle, as Spark's
   * {@code toDebugString}: {@code "(2) ShuffledRDD[4] at reduceByKey"}, then its parents. It lists
   * the same RDDs in the same layout as {@code dag().toText()}.
   */
  public String toDebugString() {
    return LineageDag.debugString(this, CACHED);
  }

  /**
   * Returns the lineage as a diagram, as Spark UI's DAG view draws it: one node per RDD, one box
   * per stage as the scheduler would cut a job on this RDD, shuffles as dashed edges between
   * stages. Show it in a notebook with {@code display(rdd.dag().toSvg())}.
   *
   * <pre>{@code
   * pairs.reduceByKey(Integer::sum).dag().toText();
   * // ShuffledRDD [4]  reduceByKey  [Stage 1]
   * //  +-MapPartitionsRDD [3]  mapToPair  [Stage 0]
   * //    |  ParallelCollectionRDD [1]  parallelize
   * }</pre>
   */
  public Dag dag() {
    return LineageDag.of(this, CACHED);
  }

  /** Tells the lineage diagram which RDDs are persisted at some storage level. */
  static final Predicate<RDD<?>> CACHED = r -> r.getStorageLevel() != StorageLevel.NONE;

  /** Returns {@code "[name ]ClassName[id] at operation"}, as Spark. */
  @Override
  public String toString() {
    String n = name();
    return (n == null ? "" : n + " ") + getClass().getSimpleName() + "[" + id() + "] at " + creationSite();
  }

  private static <T> List<T> drain(Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static long countOf(Iterator<?> it) {
    long n = 0;
    for (; it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }

  /** Returns {@code (element, null)} pairs: the keyed form behind distinct, intersection, subtract. */
  private PairRDD<T, Object> withNullValues() {
    return mapToPair(t -> new Tuple2<>(t, null));
  }
}
