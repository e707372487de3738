package dev.eddy.api;

import java.io.Serializable;
import java.util.Iterator;

/**
 * A function that returns zero or more outputs per input, as in Spark 2+'s Java API: it returns an
 * {@link Iterator}, so {@code l -> Arrays.asList(l.split(" ")).iterator()} compiles as written.
 */
@FunctionalInterface
public interface FlatMapFunction<T, R> extends Serializable {
  Iterator<R> call(T t) throws Exception;
}
