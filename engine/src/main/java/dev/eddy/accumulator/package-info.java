/**
 * Accumulators, after Spark 2's {@code AccumulatorV2} (Spark keeps them in {@code
 * org.apache.spark.util}): variables that tasks add to and the driver reads, counting only the
 * tasks that succeed. Make them with {@code sc.longAccumulator(name)}, {@code
 * sc.doubleAccumulator(name)} or {@code sc.collectionAccumulator(name)}, or register your own
 * {@link dev.eddy.accumulator.AccumulatorV2} with {@code sc.register(acc, name)}.
 */
package dev.eddy.accumulator;
