package dev.eddy.rdd;

import dev.eddy.api.Function;
import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.internal.UserFunctionException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three functions that combine values by key, as Spark's {@code Aggregator}: start a combiner
 * from a key's first value, merge another value into it, merge two combiners. Keys are kept in the
 * order they were first seen; null keys and null values are allowed. Immutable.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <C> combiner type
 */
public record Aggregator<K, V, C>(
    Function<V, C> createCombiner, Function2<C, V, C> mergeValue, Function2<C, C, C> mergeCombiners)
    implements Serializable {

  /** Returns one (key, combiner) pair per key of {@code pairs}, merging values. */
  public Iterator<Tuple2<K, C>> combineValuesByKey(Iterator<? extends Tuple2<K, V>> pairs) {
    Map<K, C> combiners = new LinkedHashMap<>();
    while (pairs.hasNext()) {
      Tuple2<K, V> pair = pairs.next();
      addValue(combiners, pair._1(), pair._2());
    }
    return toPairs(combiners);
  }

  /** Returns one (key, combiner) pair per key of {@code pairs}, merging combiners. */
  public Iterator<Tuple2<K, C>> combineCombinersByKey(Iterator<? extends Tuple2<K, C>> pairs) {
    Map<K, C> combiners = new LinkedHashMap<>();
    while (pairs.hasNext()) {
      Tuple2<K, C> pair = pairs.next();
      K key = pair._1();
      try {
        // containsKey, not get() != null: a combiner may legitimately be null
        combiners.put(key, combiners.containsKey(key) ? mergeCombiners.call(combiners.get(key), pair._2()) : pair._2());
      } catch (Exception e) {
        throw UserFunctionException.wrap(e);
      }
    }
    return toPairs(combiners);
  }

  /** Merges {@code value} into the combiner of {@code key} in {@code combiners}. */
  public void addValue(Map<K, C> combiners, K key, V value) {
    try {
      combiners.put(
          key,
          combiners.containsKey(key) ? mergeValue.call(combiners.get(key), value) : createCombiner.call(value));
    } catch (Exception e) {
      throw UserFunctionException.wrap(e);
    }
  }

  private static <K, C> Iterator<Tuple2<K, C>> toPairs(Map<K, C> combiners) {
    return combiners.entrySet().stream().map(e -> new Tuple2<>(e.getKey(), e.getValue())).iterator();
  }
}
