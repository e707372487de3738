package dev.eddy.streaming.dstream;

import dev.eddy.api.FlatMapFunction;
import dev.eddy.api.Function;
import dev.eddy.api.PairFunction;
import dev.eddy.api.Tuple2;
import dev.eddy.api.VoidFunction;
import dev.eddy.api.VoidFunction2;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.internal.CountDStream;
import dev.eddy.streaming.dstream.internal.FilteredDStream;
import dev.eddy.streaming.dstream.internal.FlatMappedDStream;
import dev.eddy.streaming.dstream.internal.ForEachDStream;
import dev.eddy.streaming.dstream.internal.MappedDStream;
import dev.eddy.streaming.dstream.internal.PrintOutput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>Subclasses implement {@link #slideDuration()}, {@link #dependencies()} and
 * {@link #compute(Time)}. The RDD of each batch is computed once ({@link #getOrCompute}) and
 * remembered until the batch completes, so several outputs of a batch see the same RDD.
 * Thread-safe.
 *
 * @param <T> the element type
 */
public abstract class DStream<T> {
  private final StreamingContext ssc;
  private final int id;
  private final Map<Time, RDD<T>> generatedRDDs = new ConcurrentHashMap<>();

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

  /** Returns the RDD of the batch at {@code time}, computing it the first time it is asked for. */
  public final Optional<RDD<T>> getOrCompute(Time time) {
    RDD<T> existing = generatedRDDs.get(time);
    if (existing != null) {
      return Optional.of(existing);
    }
    Optional<RDD<T>> computed = compute(time);
    computed.ifPresent(rdd -> generatedRDDs.put(time, rdd));
    return computed;
  }

  /** Forgets the RDDs of batches up to and including {@code time}. */
  public void clearMetadata(Time time) {
    generatedRDDs.keySet().removeIf(t -> !t.greater(time));
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
    return PairDStream.fromDStream(new MappedDStream<>(this, g));
  }

  /** Returns a stream with one element per batch: the batch's number of elements, 0 when empty. */
  public DStream<Long> count() {
    return new CountDStream<>(this);
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

  // ---------------------------------------------------------------- diagram

  /**
   * Returns the name of this stream's operation as its diagram box shows it, such as {@code "map"}
   * or {@code "queueStream"}. The default derives it from the class name ({@code MappedDStream}
   * gives {@code "map"}, {@code FilteredDStream} {@code "filter"}, {@code QueueInputDStream}
   * {@code "queueStream"}); operators override it to say more, e.g. {@code "window(30s, 10s)"}.
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
}
