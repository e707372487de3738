package dev.eddy.streaming.kafka.internal;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The consumer settings of a direct stream's two kinds of consumer, derived from the user's
 * kafkaParams: the driver consumer, which lists partitions, reads end offsets and commits; and the
 * task consumers, which read one partition's offset range each.
 */
public final class KafkaParams {
  private KafkaParams() {}

  /** Returns the driver consumer's settings: no auto-commit, and no topic created by asking for it. */
  public static Map<String, Object> forDriver(Map<String, Object> kafkaParams) {
    Map<String, Object> p = new HashMap<>(kafkaParams);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.putIfAbsent(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    return p;
  }

  /**
   * Returns the task consumers' settings: no group (they read by offset and never commit), no
   * auto-commit, and {@code auto.offset.reset=none} so that a range no longer in Kafka fails
   * clearly instead of silently reading other records.
   */
  public static Map<String, Object> forTasks(Map<String, Object> kafkaParams) {
    Map<String, Object> p = new HashMap<>(kafkaParams);
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    return Map.copyOf(p);
  }

  /** Returns {@code bootstrap.servers} as given, for messages. */
  public static String servers(Map<String, Object> kafkaParams) {
    return String.valueOf(kafkaParams.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
  }
}
