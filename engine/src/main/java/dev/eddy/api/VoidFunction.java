package dev.eddy.api;

import java.io.Serializable;

/** A function with no result, as in Spark's Java API; used by {@code foreach} and {@code foreachRDD}. */
@FunctionalInterface
public interface VoidFunction<T> extends Serializable {
  void call(T t) throws Exception;
}
