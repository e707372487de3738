package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.Function4;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.internal.UserFunctionException;
import dev.eddy.streaming.State;
import dev.eddy.streaming.Time;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One partition of {@code mapWithState} after a batch, as Spark's {@code MapWithStateRDDRecord}:
 * the partition's state map (key to state and the batch time it was last updated) and what the
 * mapping function returned in the batch. Each batch copies the previous map and changes the copy,
 * so a remembered partition never changes. Immutable once built.
 *
 * @param states key to state, for the partition's keys
 * @param mapped what the mapping function returned in the batch, in call order
 */
public record MapWithStatePartition<K, S, R>(Map<K, Entry<S>> states, List<R> mapped) {
  /** A key's state and when it was last updated. */
  public record Entry<S>(S state, long updateTimeMillis) {}

  /** Returns a partition with no state and no output. */
  public static <K, S, R> MapWithStatePartition<K, S, R> empty() {
    return new MapWithStatePartition<>(new HashMap<>(), List.of());
  }

  /** Returns a partition holding {@code pairs} as states updated at {@code time}. */
  public static <K, S, R> MapWithStatePartition<K, S, R> of(Iterator<Tuple2<K, S>> pairs, Time time) {
    Map<K, Entry<S>> states = new HashMap<>();
    pairs.forEachRemaining(kv -> states.put(kv._1(), new Entry<>(kv._2(), time.milliseconds())));
    return new MapWithStatePartition<>(states, List.of());
  }

  /**
   * Returns the partition after the batch at {@code time}: the function is called once per new
   * record, in order, then once per key idle since before {@code timeoutThreshold} (when set),
   * whose state is then removed. Keys neither in the batch nor timing out are not touched.
   */
  public <V> MapWithStatePartition<K, S, R> next(
      Iterator<Tuple2<K, V>> records,
      Function4<Time, K, Optional<V>, State<S>, Optional<R>> f,
      Time time,
      Optional<Time> timeoutThreshold) {
    Map<K, Entry<S>> newStates = new HashMap<>(states);
    List<R> out = new ArrayList<>();
    StateImpl<S> state = new StateImpl<>();
    long now = time.milliseconds();
    try {
      while (records.hasNext()) {
        Tuple2<K, V> record = records.next();
        K key = record._1();
        Entry<S> current = newStates.get(key);
        state.wrap(current != null, current == null ? null : current.state());
        collect(f.call(time, key, Optional.ofNullable(record._2()), state), out);
        if (state.isRemoved()) {
          newStates.remove(key);
        } else if (state.isUpdated() || (state.exists() && timeoutThreshold.isPresent())) {
          newStates.put(key, new Entry<>(state.get(), now));
        }
      }
      if (timeoutThreshold.isPresent()) {
        long threshold = timeoutThreshold.get().milliseconds();
        List<K> idle = new ArrayList<>();
        newStates.forEach((k, e) -> {
          if (e.updateTimeMillis() < threshold) {
            idle.add(k);
          }
        });
        for (K key : idle) {
          state.wrapTimingOut(newStates.get(key).state());
          collect(f.call(time, key, Optional.empty(), state), out);
          newStates.remove(key);
        }
      }
    } catch (Exception e) {
      throw UserFunctionException.wrap(e);
    }
    return new MapWithStatePartition<>(newStates, out);
  }

  private static <R> void collect(Optional<R> result, List<R> out) {
    if (result != null) {
      result.ifPresent(out::add);
    }
  }
}
