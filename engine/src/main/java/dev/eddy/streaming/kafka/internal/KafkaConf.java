package dev.eddy.streaming.kafka.internal;

import dev.eddy.EddyConf;

/**
 * The engine settings a Kafka direct stream reads, under Spark's names, validated when the stream
 * is built. Immutable.
 *
 * @param maxRatePerPartition {@value #MAX_RATE_PER_PARTITION}: records per second and partition a
 *     batch may take; 0 for no limit
 * @param minRatePerPartition {@value #MIN_RATE_PER_PARTITION}: the fewest records per partition a
 *     rate-limited batch takes (when there are that many)
 * @param pollTimeoutMillis {@value #POLL_MS}: how long a task waits for records before it fails
 * @param consumerCacheEnabled {@value #CACHE_ENABLED}: whether tasks reuse a partition's consumer
 * @param initialRate {@value #INITIAL_RATE}: the backpressure rate (records/s, whole stream) before
 *     the rate limiter has an estimate; 0 for none
 */
public record KafkaConf(
    long maxRatePerPartition, long minRatePerPartition, long pollTimeoutMillis, boolean consumerCacheEnabled,
    long initialRate) {
  public static final String MAX_RATE_PER_PARTITION = "spark.streaming.kafka.maxRatePerPartition";
  public static final String MIN_RATE_PER_PARTITION = "spark.streaming.kafka.minRatePerPartition";
  public static final String POLL_MS = "spark.streaming.kafka.consumer.poll.ms";
  public static final String CACHE_ENABLED = "spark.streaming.kafka.consumer.cache.enabled";
  public static final String INITIAL_RATE = "spark.streaming.backpressure.initialRate";

  /** Reads the settings from {@code conf}; defaults: no rate limit, min 1, poll 60 s, cache on. */
  public static KafkaConf from(EddyConf conf) {
    return new KafkaConf(
        nonNegative(conf, MAX_RATE_PER_PARTITION, 0),
        nonNegative(conf, MIN_RATE_PER_PARTITION, 1),
        positive(conf, POLL_MS, 60_000),
        Boolean.parseBoolean(conf.get(CACHE_ENABLED, "true").trim()),
        nonNegative(conf, INITIAL_RATE, 0));
  }

  private static long positive(EddyConf conf, String key, long defaultValue) {
    long v = nonNegative(conf, key, defaultValue);
    if (v == 0) {
      throw new IllegalArgumentException(key + " must be positive, not 0");
    }
    return v;
  }

  private static long nonNegative(EddyConf conf, String key, long defaultValue) {
    String raw = conf.get(key, String.valueOf(defaultValue)).trim();
    long v;
    try {
      v = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + raw + "'");
    }
    if (v < 0) {
      throw new IllegalArgumentException(key + " must not be negative, not " + v);
    }
    return v;
  }
}
