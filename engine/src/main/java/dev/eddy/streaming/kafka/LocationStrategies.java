package dev.eddy.streaming.kafka;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The location strategies of Spark's {@code LocationStrategies}. In one JVM they all behave as
 * {@link #PreferConsistent()}: any task thread reads any partition, and a partition's cached
 * consumer is reused by whichever thread reads it next.
 */
public final class LocationStrategies {
  private record Named(String name) implements LocationStrategy {}

  private LocationStrategies() {}

  /** Returns Spark's usual strategy: spread partitions over executors. */
  public static LocationStrategy PreferConsistent() {
    return new Named("PreferConsistent");
  }

  /** Returns Spark's strategy for executors on the brokers' hosts; here the same as {@link #PreferConsistent()}. */
  public static LocationStrategy PreferBrokers() {
    return new Named("PreferBrokers");
  }

  /** Returns Spark's strategy pinning partitions to hosts; here the hosts are ignored. */
  public static LocationStrategy PreferFixed(Map<TopicPartition, String> hostMap) {
    return new Named("PreferFixed");
  }
}
