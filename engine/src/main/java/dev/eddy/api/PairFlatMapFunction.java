package dev.eddy.api;

import java.io.Serializable;
import java.util.Iterator;

/** A function that returns zero or more key-value pairs per input, as in Spark 2+'s Java API ({@code flatMapToPair}). */
@FunctionalInterface
public interface PairFlatMapFunction<T, K, V> extends Serializable {
  Iterator<Tuple2<K, V>> call(T t) throws Exception;
}
