package dev.eddy.streaming.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eddy.EddyConf;
import dev.eddy.streaming.kafka.internal.KafkaConf;
import dev.eddy.streaming.kafka.internal.RateLimit;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  private static final TopicPartition A = new TopicPartition("t", 0);
  private static final TopicPartition B = new TopicPartition("t", 1);

  private static KafkaConf conf(long maxRate, long minRate) {
    return new KafkaConf(maxRate, minRate, 1000, true, 0);
  }

  @Test
  void noRateMeansNoLimit() {
    assertEquals(Optional.empty(),
        RateLimit.maxMessagesPerPartition(Map.of(A, 0L), Map.of(A, 100L), 0, conf(0, 1), 2000));
  }

  @Test
  void aFixedRateIsPerPartitionTimesTheBatchInterval() {
    assertEquals(Optional.of(Map.of(A, 20L, B, 20L)),
        RateLimit.maxMessagesPerPartition(Map.of(A, 0L, B, 0L), Map.of(A, 100L, B, 0L), 0, conf(10, 1), 2000));
  }

  @Test
  void aBackpressureRateIsSharedByLagCappedByTheFixedRateAndAtLeastTheMinimum() {
    // lags 10 and 90; 50 records/s shared 5 : 45, capped at 30/s; 500 ms batches
    assertEquals(Optional.of(Map.of(A, 2L, B, 15L)),
        RateLimit.maxMessagesPerPartition(Map.of(A, 0L, B, 10L), Map.of(A, 10L, B, 100L), 50, conf(30, 1), 500));
    // with a minimum of 5 records per partition
    assertEquals(Optional.of(Map.of(A, 5L, B, 15L)),
        RateLimit.maxMessagesPerPartition(Map.of(A, 0L, B, 10L), Map.of(A, 10L, B, 100L), 50, conf(30, 5), 500));
  }

  @Test
  void settingsAreReadUnderSparksNamesAndValidated() {
    EddyConf c = new EddyConf(false).set("spark.streaming.kafka.maxRatePerPartition", "7");
    assertEquals(new KafkaConf(7, 1, 60_000, true, 0), KafkaConf.from(c));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KafkaConf.from(new EddyConf(false).set("spark.streaming.kafka.maxRatePerPartition", "fast")));
    assertEquals("spark.streaming.kafka.maxRatePerPartition must be a whole number, not 'fast'", e.getMessage());
  }

  @Test
  void offsetRangesCountAndDescribeThemselves() {
    OffsetRange r = OffsetRange.create("events", 3, 100, 250);
    assertEquals(150, r.count());
    assertEquals(new TopicPartition("events", 3), r.topicPartition());
    assertEquals("events 3: 100 -> 250", r.toString());
    assertThrows(IllegalArgumentException.class, () -> OffsetRange.create("events", 0, 5, 4));
  }
}
