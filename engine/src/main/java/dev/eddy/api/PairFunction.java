package dev.eddy.api;

import java.io.Serializable;

/** A function that returns a key-value pair, as in Spark's Java API; used by {@code mapToPair}. */
@FunctionalInterface
public interface PairFunction<T, K, V> extends Serializable {
  Tuple2<K, V> call(T t) throws Exception;
}
