package dev.eddy.api;

import java.io.Serializable;

/** A four-argument function, as in Spark's Java API; used by {@code StateSpec.function} with the batch time. */
@FunctionalInterface
public interface Function4<T1, T2, T3, T4, R> extends Serializable {
  R call(T1 v1, T2 v2, T3 v3, T4 v4) throws Exception;
}
