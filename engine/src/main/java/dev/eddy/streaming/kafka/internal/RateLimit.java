package dev.eddy.streaming.kafka.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records each partition may contribute to one batch, as Spark's
 * {@code maxMessagesPerPartition}: a fixed per-partition rate
 * ({@code spark.streaming.kafka.maxRatePerPartition}), or a backpressure rate for the whole
 * stream shared out in proportion to each partition's lag and capped by the fixed rate; times
 * the batch interval, and at least the minimum per partition. Stateless.
 */
public final class RateLimit {
  private RateLimit() {}

  /**
   * Returns the most records each partition may take in a batch, or empty for no limit.
   *
   * @param current the next offset to read per partition
   * @param latest the end offset per partition
   * @param streamRate the backpressure rate in records/s for the whole stream; 0 or less for none
   * @param conf the fixed maximum and the minimum rates
   * @param batchMillis the batch interval
   */
  public static Optional<Map<TopicPartition, Long>> maxMessagesPerPartition(
      Map<TopicPartition, Long> current, Map<TopicPartition, Long> latest, long streamRate, KafkaConf conf,
      long batchMillis) {
    Map<TopicPartition, Double> rates = new LinkedHashMap<>();
    double maxRate = conf.maxRatePerPartition();
    if (streamRate > 0) {
      Map<TopicPartition, Long> lags = new LinkedHashMap<>();
      latest.forEach((tp, end) -> lags.put(tp, Math.max(end - current.getOrDefault(tp, end), 0)));
      double totalLag = lags.values().stream().mapToLong(Long::longValue).sum();
      lags.forEach((tp, lag) -> {
        double share = totalLag == 0 ? 0 : lag / totalLag * streamRate;
        rates.put(tp, maxRate > 0 ? Math.min(share, maxRate) : share);
      });
    } else if (maxRate > 0) {
      latest.keySet().forEach(tp -> rates.put(tp, maxRate));
    }
    if (rates.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      return Optional.empty();
    }
    double seconds = batchMillis / 1000.0;
    Map<TopicPartition, Long> caps = new LinkedHashMap<>();
    rates.forEach((tp, rate) -> caps.put(tp, Math.max((long) (seconds * rate), conf.minRatePerPartition())));
    return Optional.of(caps);
  }
}
