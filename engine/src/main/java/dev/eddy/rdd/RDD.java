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
import dev.eddy.rdd.internal.UnionRDD;
import dev.eddy.rdd.internal.UserFunctionException;
import dev.eddy.scheduler.LineageDag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
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
 * ends. An action on a stopped context throws {@link IllegalStateException}. Nothing is cached:
 * each action recomputes the lineage.
 *
 * <p>Subclasses implement {@link #getPartitions()} and {@link #compute}; they must be immutable.
 * An RDD is thread-safe: several threads may run actions on it at once.
 *
 * @param <T> the element type; elements may be null
 */
public abstract class RDD<T> {
  private final EddyContext sc;
  private final int id;
  private final List<Dependency<?>> dependencies;
  private final String creationSite;
  private volatile String name;
  private volatile List<Partition> partitions;

  /**
   * Creates an RDD with a new id.
   *
   * @param creationSite the operation that made it, shown in {@link #toString()} ({@code "map"})
   */
  protected RDD(EddyContext sc, List<Dependency<?>> dependencies, String creationSite) {
    this.sc = sc;
    this.id = sc.newRddId();
    this.dependencies = List.copyOf(dependencies);
    this.creationSite = creationSite;
  }

  /** Creates an RDD that reads {@code parent} one partition to one partition. */
  protected RDD(RDD<?> parent, String creationSite) {
    this(parent.sc, List.of(new OneToOneDependency<>(parent)), creationSite);
  }

  /** Creates a view of {@code same} that shares its id, lineage and partitions; for {@link PairRDD}. */
  RDD(RDD<?> same) {
    this.sc = same.sc;
    this.id = same.id;
    this.dependencies = same.dependencies;
    this.creationSite = same.creationSite;
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

  /** Returns how this RDD depends on its parents; empty for a source. */
  public List<Dependency<?>> dependencies() {
    return dependencies;
  }

  /** Returns the partitions, computed once. */
  public List<Partition> partitions() {
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
   * Returns a partition's elements; stops early when the task is interrupted. A source's elements
   * are counted as the task's records read. For tasks and subclasses.
   */
  public final Iterator<T> iterator(Partition split, TaskContext context) {
    Iterator<T> elements = compute(split, context);
    if (dependencies.isEmpty() && context != null) {
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
    List<Long> counts = sc.runJob(this, it -> {
      long n = 0;
      for (; it.hasNext(); it.next()) {
        n++;
      }
      return n;
    });
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
   * @throws NoSuchElementException if the RDD is empty
   */
  public T first() {
    List<T> one = take(1);
    if (one.isEmpty()) {
      throw new NoSuchElementException("first() on an empty RDD: " + this);
    }
    return one.get(0);
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

  /** Tells the lineage diagram which RDDs are cached; storage levels answer it once they exist. */
  static final Predicate<RDD<?>> CACHED = r -> false;

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
}
