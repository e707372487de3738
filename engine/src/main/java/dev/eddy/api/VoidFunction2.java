package dev.eddy.api;

import java.io.Serializable;

/** A two-argument function with no result; {@code foreachRDD((rdd, time) -> ...)} takes one. */
@FunctionalInterface
public interface VoidFunction2<T1, T2> extends Serializable {
  void call(T1 v1, T2 v2) throws Exception;
}
