package dev.eddy.streaming.kafka;

import dev.eddy.EddyContext;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.kafka.internal.KafkaConf;
import dev.eddy.streaming.kafka.internal.KafkaParams;
import dev.eddy.streaming.kafka.internal.KafkaRDD;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Kafka inputs, as Spark's {@code KafkaUtils} (spark-streaming-kafka-0-10).
 *
 * <pre>{@code
 * var stream = KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
 *     ConsumerStrategies.<String, String>Subscribe(List.of("lines"), kafkaParams));
 * stream.map(ConsumerRecord::value).print();
 * stream.foreachRDD(rdd -> {
 *   OffsetRange[] ranges = ((HasOffsetRanges) rdd).offsetRanges();
 *   ...
 *   ((CanCommitOffsets) stream.inputDStream()).commitAsync(ranges);
 * });
 * }</pre>
 *
 * See {@link ConsumerStrategies} for kafkaParams and {@link KafkaBroker} for a local broker.
 */
public final class KafkaUtils {
  private KafkaUtils() {}

  /**
   * Returns a direct stream of {@code consumerStrategy}'s partitions: one RDD per batch with one
   * partition per Kafka partition, reading the records since the previous batch.
   */
  public static <K, V> DirectKafkaInputDStream<K, V> createDirectStream(
      StreamingContext ssc, LocationStrategy locationStrategy, ConsumerStrategy<K, V> consumerStrategy) {
    return new DirectKafkaInputDStream<>(ssc, locationStrategy, consumerStrategy);
  }

  /**
   * Returns an RDD of exactly the records in {@code offsetRanges}, one partition per range, as
   * Spark's {@code createRDD}; reading it fails if a range is no longer (or not yet) in Kafka.
   */
  public static <K, V> RDD<ConsumerRecord<K, V>> createRDD(
      EddyContext sc, Map<String, Object> kafkaParams, OffsetRange[] offsetRanges, LocationStrategy locationStrategy) {
    if (kafkaParams == null || !kafkaParams.containsKey("bootstrap.servers")) {
      throw new IllegalArgumentException("kafkaParams must set bootstrap.servers");
    }
    return new KafkaRDD<>(sc, KafkaParams.forTasks(kafkaParams), List.of(offsetRanges), KafkaConf.from(sc.getConf()));
  }
}
