/**
 * Serialization for the places where Eddy's data leaves the heap or must outlive it (shuffle
 * spill, {@code _SER} storage levels, broadcast, write-ahead log, checkpoints, state store), after
 * Spark's {@code org.apache.spark.serializer}.
 *
 * <p>{@link dev.eddy.serializer.Serializer} is the contract; {@link
 * dev.eddy.serializer.KryoSerializer} is the default and {@link dev.eddy.serializer.JavaSerializer}
 * the alternative; {@link dev.eddy.serializer.Serializers#fromConf} chooses between them from
 * Spark's or Eddy's configuration keys; {@link dev.eddy.serializer.ClosureChecks} explains why a
 * user function is not serializable. Everything under {@code internal} is machinery.
 */
package dev.eddy.serializer;
