package dev.eddy.rdd;

import dev.eddy.EddyContext;
import dev.eddy.TaskContext;
import dev.eddy.api.FlatMapFunction;
import dev.eddy.api.Function;
import dev.eddy.api.Function2;
import dev.eddy.api.PairFunction;
import dev.eddy.api.Tuple2;
import dev.eddy.api.VoidFunction;
import dev.eddy.rdd.internal.InterruptibleIterator;
import dev.eddy.rdd.internal.Iterators;
import dev.eddy.rdd.internal.MapPartitionsRDD;
import dev.eddy.rdd.internal.RDDCheckpointer;
import dev.eddy.rdd.internal.RDDStorageState;
import dev.eddy.rdd.internal.UnionRDD;
import dev.eddy.rdd.internal.UserFunctionException;
import dev.eddy.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

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
 * ends. An action on a stopped context throws {@link IllegalStateException}. Each action
 * recomputes the lineage, except where an RDD was {@link #persist persisted} or
 * {@link #checkpoint checkpointed}.
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
  private final RDDStorageState storage;

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
    this.storage = new RDDStorageState();
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

  /** Returns how this RDD depends on its parents; empty for a source; the checkpoint once checkpointed. */
  public List<Dependency<?>> dependencies() {
    return storage.dependencies(dependencies);
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
   * Returns a partition's elements, from the cache or checkpoint when there is one; stops early
   * when the task is interrupted. For tasks and subclasses.
   */
  public final Iterator<T> iterator(Partition split, TaskContext context) {
    return new InterruptibleIterator<>(context, storage.iterator(this, split, context));
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
   * @throws UnsupportedOperationException if another level was already assigned, as Spark
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
   *
   * @throws dev.eddy.EddyException if the context has no checkpoint directory, as Spark
   */
  public void checkpoint() {
    if (sc.getCheckpointDir().isEmpty()) {
      throw RDDCheckpointer.dirNotSet();
    }
    storage.markForCheckpoint();
  }

  /** Returns whether this RDD's partitions were written to its checkpoint directory. */
  public boolean isCheckpointed() {
    return storage.isCheckpointed();
  }

  /** Returns the directory of this RDD's checkpoint files once written. */
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

  /** Returns the lineage, one RDD a line, indented at each shuffle, as Spark's {@code toDebugString}. */
  public String toDebugString() {
    StringBuilder out = new StringBuilder();
    debugLines(this, "", "", out);
    return out.toString().stripTrailing();
  }

  private static void debugLines(RDD<?> rdd, String firstPrefix, String prefix, StringBuilder out) {
    out.append(firstPrefix).append('(').append(rdd.getNumPartitions()).append(") ").append(rdd).append('\n');
    for (Dependency<?> dep : rdd.dependencies()) {
      if (dep instanceof ShuffleDependency<?, ?, ?>) {
        debugLines(dep.rdd(), prefix + " +-", prefix + "    ", out);
      } else {
        debugLines(dep.rdd(), prefix + " |  ", prefix + " |  ", out);
      }
    }
  }

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
