package dev.eddy.streaming.kafka.internal;

import dev.eddy.EddyContext;
import dev.eddy.TaskContext;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.kafka.HasOffsetRanges;
import dev.eddy.streaming.kafka.OffsetRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records of given Kafka offset ranges, as Spark's {@code KafkaRDD}: one partition per range,
 * each read by its task with a consumer of its own (from the {@link ConsumerPool} when caching is
 * on). Immutable; recomputing a partition reads the same offsets again.
 */
public final class KafkaRDD<K, V> extends RDD<ConsumerRecord<K, V>> implements HasOffsetRanges {
  private record RangePartition(int index, OffsetRange range) implements Partition {}

  private final List<OffsetRange> ranges;
  private final Map<String, Object> taskParams;
  private final KafkaConf conf;

  /**
   * @param taskParams consumer settings as {@link KafkaParams#forTasks} returns
   * @param ranges the ranges, one per partition, in partition order
   */
  public KafkaRDD(EddyContext sc, Map<String, Object> taskParams, List<OffsetRange> ranges, KafkaConf conf) {
    super(sc, List.of(), "kafka");
    this.ranges = List.copyOf(ranges);
    this.taskParams = Map.copyOf(taskParams);
    this.conf = conf;
  }

  @Override
  public OffsetRange[] offsetRanges() {
    return ranges.toArray(new OffsetRange[0]);
  }

  @Override
  protected List<Partition> getPartitions() {
    List<Partition> partitions = new ArrayList<>(ranges.size());
    for (int i = 0; i < ranges.size(); i++) {
      partitions.add(new RangePartition(i, ranges.get(i)));
    }
    return partitions;
  }

  @Override
  public Iterator<ConsumerRecord<K, V>> compute(Partition split, TaskContext context) {
    OffsetRange range = ((RangePartition) split).range();
    if (range.count() == 0) {
      return Collections.emptyIterator();
    }
    return new OffsetRangeIterator<>(range, taskParams, conf.pollTimeoutMillis(), conf.consumerCacheEnabled());
  }
}
