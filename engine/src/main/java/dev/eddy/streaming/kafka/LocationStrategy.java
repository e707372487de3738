package dev.eddy.streaming.kafka;

/**
 * Where a Kafka direct stream's tasks read their partitions, as Spark's {@code LocationStrategy};
 * get one from {@link LocationStrategies}. In Eddy every task runs in the same JVM, so every
 * strategy places tasks alike; they exist so that Spark code carries over. Immutable.
 */
public interface LocationStrategy {
  /** Returns the strategy's name, such as {@code "PreferConsistent"}. */
  String name();
}
