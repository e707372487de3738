package dev.eddy.api;

import java.io.Serializable;

/** A two-argument function, as in Spark's Java API; used by reductions such as {@code reduceByKey}. */
@FunctionalInterface
public interface Function2<T1, T2, R> extends Serializable {
  R call(T1 v1, T2 v2) throws Exception;
}
