package dev.eddy.streaming;

import dev.eddy.api.Function3;
import dev.eddy.api.Function4;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.HashPartitioner;
import dev.eddy.rdd.Partitioner;
import dev.eddy.rdd.RDD;
import java.util.Optional;

/**
 * What {@code PairDStream.mapWithState} does, as Spark's {@code StateSpec}: the mapping function,
 * and optionally an initial state, the partitioning of the state and an idle timeout.
 *
 * <pre>{@code
 * StateSpec<String, Integer, Integer, Tuple2<String, Integer>> spec = StateSpec
 *     .function((String word, Optional<Integer> one, State<Integer> state) -> {
 *       int sum = one.orElse(0) + state.getOption().orElse(0);
 *       state.update(sum);
 *       return new Tuple2<>(word, sum);
 *     })
 *     .numPartitions(4)
 *     .timeout(Durations.minutes(5));
 * }</pre>
 *
 * <p>Unlike Spark's, whose setters change the spec they are called on, each setter here returns a
 * new spec. Immutable.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the state type
 * @param <R> the type of what the function returns per call
 */
public final class StateSpec<K, V, S, R> {
  private final Function4<Time, K, Optional<V>, State<S>, Optional<R>> function;
  private final RDD<Tuple2<K, S>> initialState;
  private final Partitioner partitioner;
  private final Duration timeout;

  private StateSpec(
      Function4<Time, K, Optional<V>, State<S>, Optional<R>> function,
      RDD<Tuple2<K, S>> initialState,
      Partitioner partitioner,
      Duration timeout) {
    this.function = function;
    this.initialState = initialState;
    this.partitioner = partitioner;
    this.timeout = timeout;
  }

  /**
   * Returns a spec of a function called with the batch time, the key, its value (empty when the
   * key times out) and its state; what it returns, when present, goes to the mapped stream.
   */
  public static <K, V, S, R> StateSpec<K, V, S, R> function(
      Function4<Time, K, Optional<V>, State<S>, Optional<R>> mappingFunction) {
    if (mappingFunction == null) {
      throw new NullPointerException("mappingFunction");
    }
    return new StateSpec<>(mappingFunction, null, null, null);
  }

  /**
   * Returns a spec of a function called with the key, its value (empty when the key times out)
   * and its state; what it returns goes to the mapped stream (a null return adds nothing).
   */
  public static <K, V, S, R> StateSpec<K, V, S, R> function(Function3<K, Optional<V>, State<S>, R> mappingFunction) {
    if (mappingFunction == null) {
      throw new NullPointerException("mappingFunction");
    }
    return new StateSpec<>(
        (time, key, value, state) -> Optional.ofNullable(mappingFunction.call(key, value, state)), null, null, null);
  }

  /** Returns this spec starting from {@code rdd}'s pairs as the keys' states. */
  public StateSpec<K, V, S, R> initialState(RDD<Tuple2<K, S>> rdd) {
    if (rdd == null) {
      throw new NullPointerException("initial state RDD");
    }
    return new StateSpec<>(function, rdd, partitioner, timeout);
  }

  /** Returns this spec keeping the state in {@code numPartitions} hash partitions. */
  public StateSpec<K, V, S, R> numPartitions(int numPartitions) {
    if (numPartitions < 1) {
      throw new IllegalArgumentException("Number of partitions (" + numPartitions + ") must be positive");
    }
    return partitioner(new HashPartitioner(numPartitions));
  }

  /** Returns this spec keeping the state placed by {@code partitioner}. */
  public StateSpec<K, V, S, R> partitioner(Partitioner partitioner) {
    if (partitioner == null) {
      throw new NullPointerException("partitioner");
    }
    return new StateSpec<>(function, initialState, partitioner, timeout);
  }

  /**
   * Returns this spec with an idle timeout: a key that received no value for {@code idleDuration}
   * is called once more with no value and {@link State#isTimingOut()} true, then removed.
   * Timeouts are looked for at every batch, so a key times out at the first batch more than
   * {@code idleDuration} after its last value; Spark looks only at checkpoint batches, so its
   * keys may time out later.
   */
  public StateSpec<K, V, S, R> timeout(Duration idleDuration) {
    if (idleDuration == null || idleDuration.milliseconds() <= 0) {
      throw new IllegalArgumentException("the timeout must be positive, not " + idleDuration);
    }
    return new StateSpec<>(function, initialState, partitioner, idleDuration);
  }

  /** Returns the mapping function, in its form with the batch time. */
  public Function4<Time, K, Optional<V>, State<S>, Optional<R>> getFunction() {
    return function;
  }

  /** Returns the initial state, if set. */
  public Optional<RDD<Tuple2<K, S>>> getInitialStateRDD() {
    return Optional.ofNullable(initialState);
  }

  /** Returns the partitioner, if set (else the default parallelism in hash partitions is used). */
  public Optional<Partitioner> getPartitioner() {
    return Optional.ofNullable(partitioner);
  }

  /** Returns the idle timeout, if set. */
  public Optional<Duration> getTimeoutInterval() {
    return Optional.ofNullable(timeout);
  }
}
