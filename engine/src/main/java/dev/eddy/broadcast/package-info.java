/**
 * Broadcast variables, after Spark's {@code org.apache.spark.broadcast}: a read-only value
 * serialized once and shared by every task; make one with {@code sc.broadcast(value)}.
 */
package dev.eddy.broadcast;
