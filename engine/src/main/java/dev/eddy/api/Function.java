package dev.eddy.api;

import java.io.Serializable;

/**
 * A one-argument function, as in Spark's Java API ({@code org.apache.spark.api.java.function.Function}).
 *
 * <p>It may throw checked exceptions; the engine reports them as a failed task with the
 * exception as the cause. Serializable so that it can be shipped where serialization is needed.
 */
@FunctionalInterface
public interface Function<T, R> extends Serializable {
  R call(T v1) throws Exception;
}
