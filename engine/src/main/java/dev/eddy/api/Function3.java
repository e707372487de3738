package dev.eddy.api;

import java.io.Serializable;

/** A three-argument function, as in Spark's Java API; used by {@code StateSpec.function} and {@code transformWith}. */
@FunctionalInterface
public interface Function3<T1, T2, T3, R> extends Serializable {
  R call(T1 v1, T2 v2, T3 v3) throws Exception;
}
