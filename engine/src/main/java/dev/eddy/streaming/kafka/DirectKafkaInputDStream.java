package dev.eddy.streaming.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.internal.InputDStream;
import dev.eddy.streaming.kafka.internal.ConsumerPool;
import dev.eddy.streaming.kafka.internal.KafkaConf;
import dev.eddy.streaming.kafka.internal.KafkaParams;
import dev.eddy.streaming.kafka.internal.KafkaRDD;
import dev.eddy.streaming.kafka.internal.RateLimit;
import dev.eddy.streaming.scheduler.StreamInputInfo;
import dev.eddy.streaming.scheduler.StreamingListener;
import dev.eddy.streaming.scheduler.StreamingStopped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * A Kafka stream without receivers, as Spark's {@code DirectKafkaInputDStream}: at each batch the
 * driver consumer reads each partition's end offset, and the batch's RDD reads the offsets since
 * the last batch, one RDD partition per Kafka partition. Made by
 * {@link KafkaUtils#createDirectStream}.
 *
 * <p>The RDD handed to {@code foreachRDD} on this stream implements {@link HasOffsetRanges}; the
 * stream implements {@link CanCommitOffsets}. Each batch reports its ranges as its input
 * ({@code BatchInfo.streamIdToInputInfo}): metadata {@code "offsets"} holds the
 * {@code List<OffsetRange>}, {@code "Description"} a line {@code "topic partition: from -> until"}
 * per non-empty range.
 *
 * <p>Unlike Spark, the stream never joins its consumer group (see {@link ConsumerStrategy}): it
 * starts at the offsets given, else the group's committed ones, else per
 * {@code auto.offset.reset}, and a restart does not wait for group rebalancing. Its checkpoint
 * position is each partition's offset after the batch and the ranges of the batches generated
 * after it, which a recovery reads again exactly. Rate limits:
 * {@code spark.streaming.kafka.maxRatePerPartition} caps each partition's records per second of
 * batch interval; {@link #setRateLimiter} plugs in a backpressure estimate. Thread-safe.
 *
 * @param <K> the record key type
 * @param <V> the record value type
 */
public final class DirectKafkaInputDStream<K, V> extends InputDStream<ConsumerRecord<K, V>> implements CanCommitOffsets {
  /** Metadata key of a batch's input info holding its {@code List<OffsetRange>}. */
  public static final String METADATA_KEY_OFFSETS = "offsets";

  private record CommitRequest(List<OffsetRange> ranges, OffsetCommitCallback callback) {}

  private final ConsumerStrategy<K, V> strategy;
  private final Map<String, Object> taskParams;
  private final KafkaConf conf;
  private final Duration metadataTimeout;
  private final ConcurrentLinkedQueue<CommitRequest> commitQueue = new ConcurrentLinkedQueue<>();
  private final Map<TopicPartition, Long> currentOffsets = new LinkedHashMap<>();
  private volatile LongSupplier rateLimiter;
  private KafkaConsumer<K, V> consumer;
  private StreamingListener stopper;

  /** Builds the stream; prefer {@link KafkaUtils#createDirectStream}. */
  public DirectKafkaInputDStream(StreamingContext ssc, LocationStrategy locationStrategy, ConsumerStrategy<K, V> strategy) {
    super(ssc);
    if (locationStrategy == null || strategy == null) {
      throw new IllegalArgumentException("createDirectStream needs a LocationStrategy and a ConsumerStrategy");
    }
    this.strategy = strategy;
    this.taskParams = KafkaParams.forTasks(strategy.kafkaParams());
    this.conf = KafkaConf.from(ssc.conf());
    Object timeout = strategy.kafkaParams().get(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
    this.metadataTimeout = Duration.ofMillis(timeout == null ? 60_000 : Long.parseLong(timeout.toString().trim()));
  }

  /** Returns this stream, as Spark's {@code JavaInputDStream.inputDStream()}, for {@code (CanCommitOffsets)} casts. */
  public DirectKafkaInputDStream<K, V> inputDStream() {
    return this;
  }

  /**
   * Feeds the stream's backpressure, as Spark's {@code RateController}: before each batch the
   * stream asks {@code latestRate} for the records per second the whole stream may read now (0 or
   * less: no estimate yet, then {@code spark.streaming.backpressure.initialRate} applies if set),
   * and shares it among partitions by lag, capped by {@code maxRatePerPartition}. Null removes it.
   */
  public void setRateLimiter(LongSupplier latestRate) {
    this.rateLimiter = latestRate;
  }

  /**
   * Returns the most records each partition may take in the next batch, given each partition's
   * end offset, or empty when unlimited; as Spark's {@code maxMessagesPerPartition}.
   */
  public synchronized Optional<Map<TopicPartition, Long>> maxMessagesPerPartition(Map<TopicPartition, Long> latestOffsets) {
    LongSupplier limiter = rateLimiter;
    long rate = 0;
    if (limiter != null) {
      rate = limiter.getAsLong();
      if (rate <= 0) {
        rate = conf.initialRate();
      }
    }
    return RateLimit.maxMessagesPerPartition(
        currentOffsets, latestOffsets, rate, conf, slideDuration().milliseconds());
  }

  /** Returns the offset each partition's next batch starts at; empty before start. */
  public synchronized Map<TopicPartition, Long> currentOffsets() {
    return Map.copyOf(currentOffsets);
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Connects the driver consumer and finds the starting offsets, so that a wrong topic, partition
   * or server fails {@code ssc.start()} with a clear error.
   */
  @Override
  public synchronized void start(Time zeroTime) {
    super.start(zeroTime);
    consumer = new KafkaConsumer<>(KafkaParams.forDriver(strategy.kafkaParams()));
    try {
      discoverPartitions();
    } catch (RuntimeException e) {
      closeConsumer();
      throw e;
    }
    stopper = new StreamingListener() {
      @Override
      public void onStreamingStopped(StreamingStopped event) {
        stop();
      }
    };
    context().addStreamingListener(stopper);
  }

  /** Commits what is queued, then closes the driver consumer and the idle task consumers. */
  private synchronized void stop() {
    if (consumer == null) {
      return;
    }
    List<OffsetCommitCallback> callbacks = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> pending = drainCommits(callbacks);
    try {
      if (!pending.isEmpty()) {
        consumer.commitSync(pending, metadataTimeout);
        callbacks.forEach(c -> c.onComplete(pending, null));
      }
    } catch (KafkaException e) {
      if (callbacks.isEmpty()) {
        System.err.println("Eddy: Kafka offsets queued by commitAsync were not committed at stop: " + e);
      }
      callbacks.forEach(c -> c.onComplete(pending, e));
    } finally {
      closeConsumer();
      ConsumerPool.SHARED.closeIdle(taskParams);
      context().removeStreamingListener(stopper);
    }
  }

  private void closeConsumer() {
    consumer.close(Duration.ofSeconds(5));
    consumer = null;
  }

  // ---------------------------------------------------------------- batches

  @Override
  public synchronized Optional<RDD<ConsumerRecord<K, V>>> compute(Time validTime) {
    if (consumer == null) {
      throw new IllegalStateException("the Kafka stream is not running (its context is stopped)");
    }
    List<OffsetRange> replayed = replay.remove(validTime);
    if (replayed != null) {
      return Optional.of(replay(validTime, replayed));
    }
    List<OffsetRange> ranges = new ArrayList<>();
    try {
      List<TopicPartition> partitions = discoverPartitions();
      Map<TopicPartition, Long> latest = consumer.endOffsets(partitions, metadataTimeout);
      Optional<Map<TopicPartition, Long>> caps = maxMessagesPerPartition(latest);
      for (TopicPartition tp : partitions) {
        long from = currentOffsets.get(tp);
        long end = latest.get(tp);
        if (end < from) {
          throw new IllegalStateException("Kafka " + tp + " ends at offset " + end + ", before the stream's position "
              + from + "; was the topic deleted and created again?");
        }
        long until = caps.map(c -> Math.min(end, from + c.get(tp))).orElse(end);
        ranges.add(OffsetRange.create(tp, from, until));
      }
      commitQueued();
    } catch (TimeoutException e) {
      throw notAnswering("reading end offsets", e);
    }
    ranges.forEach(r -> currentOffsets.put(r.topicPartition(), r.untilOffset()));
    reportInput(validTime, ranges.stream().mapToLong(OffsetRange::count).sum(), metadata(ranges));
    return Optional.of(new KafkaRDD<>(context().sparkContext(), taskParams, ranges, conf));
  }

  private static Map<String, Object> metadata(List<OffsetRange> ranges) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(METADATA_KEY_OFFSETS, List.copyOf(ranges));
    m.put(StreamInputInfo.METADATA_KEY_DESCRIPTION, ranges.stream()
        .filter(r -> r.count() > 0).map(OffsetRange::toString).collect(Collectors.joining("\n")));
    return m;
  }

  /** Lists the partitions to read now; new ones get their starting offsets, gone ones are dropped. */
  private List<TopicPartition> discoverPartitions() {
    List<TopicPartition> partitions;
    try {
      partitions = strategy.partitions(consumer, metadataTimeout);
      List<TopicPartition> added = partitions.stream().filter(tp -> !currentOffsets.containsKey(tp)).toList();
      if (!added.isEmpty()) {
        currentOffsets.putAll(startingOffsets(added));
      }
    } catch (TimeoutException e) {
      throw notAnswering("listing partitions of " + strategy, e);
    }
    currentOffsets.keySet().retainAll(new HashSet<>(partitions));
    return partitions;
  }

  private Map<TopicPartition, Long> startingOffsets(List<TopicPartition> added) {
    Map<TopicPartition, Long> start = new LinkedHashMap<>();
    Set<TopicPartition> missing = new HashSet<>();
    for (TopicPartition tp : added) {
      Long given = strategy.startingOffsets().get(tp);
      if (given != null) {
        start.put(tp, given);
      } else {
        missing.add(tp);
      }
    }
    Object group = strategy.kafkaParams().get(ConsumerConfig.GROUP_ID_CONFIG);
    if (!missing.isEmpty() && group != null) {
      consumer.committed(missing, metadataTimeout).forEach((tp, om) -> {
        if (om != null) {
          start.put(tp, om.offset());
          missing.remove(tp);
        }
      });
    }
    if (!missing.isEmpty()) {
      String reset = String.valueOf(strategy.kafkaParams().getOrDefault(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
      switch (reset) {
        case "earliest" -> start.putAll(consumer.beginningOffsets(missing, metadataTimeout));
        case "latest" -> start.putAll(consumer.endOffsets(missing, metadataTimeout));
        default -> throw new IllegalStateException("No starting offset for Kafka partitions " + missing
            + (group == null ? " (no group.id)" : " in group '" + group + "'") + " and auto.offset.reset is '"
            + reset + "'; give offsets, or set auto.offset.reset to earliest or latest");
      }
    }
    return start;
  }

  private IllegalStateException notAnswering(String what, TimeoutException e) {
    return new IllegalStateException("Kafka at bootstrap.servers=" + KafkaParams.servers(strategy.kafkaParams())
        + " did not answer within " + metadataTimeout.toMillis() + " ms (default.api.timeout.ms) while " + what
        + "; is the broker running and the address right?", e);
  }

  // ---------------------------------------------------------------- commits

  @Override
  public void commitAsync(OffsetRange[] offsetRanges) {
    commitAsync(offsetRanges, null);
  }

  @Override
  public void commitAsync(OffsetRange[] offsetRanges, OffsetCommitCallback callback) {
    if (strategy.kafkaParams().get(ConsumerConfig.GROUP_ID_CONFIG) == null) {
      throw new IllegalStateException("commitAsync needs a consumer group: set group.id in kafkaParams");
    }
    commitQueue.add(new CommitRequest(List.of(offsetRanges), callback));
  }

  /** Sends the queued commits, merged (the highest until offset per partition), in one request. */
  private void commitQueued() {
    List<OffsetCommitCallback> callbacks = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> offsets = drainCommits(callbacks);
    if (!offsets.isEmpty()) {
      consumer.commitAsync(offsets, (committed, error) -> callbacks.forEach(c -> c.onComplete(committed, error)));
    }
  }

  private Map<TopicPartition, OffsetAndMetadata> drainCommits(List<OffsetCommitCallback> callbacks) {
    Map<TopicPartition, Long> until = new LinkedHashMap<>();
    for (CommitRequest request = commitQueue.poll(); request != null; request = commitQueue.poll()) {
      request.ranges().forEach(r -> until.merge(r.topicPartition(), r.untilOffset(), Math::max));
      if (request.callback() != null) {
        callbacks.add(request.callback());
      }
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
    until.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
    return offsets;
  }

  // ---------------------------------------------------------------- streaming checkpoints (recovery)

  /** Batches a recovery runs again, with the ranges they read the first time; guarded by this. */
  private final Map<Time, List<OffsetRange>> replay = new HashMap<>();

  /**
   * Returns the offsets after the batch at {@code time} and the ranges of the later batches
   * already generated: {@code {"offsets": [{"topic", "partition", "offset"}], "batches": {"<ms>":
   * [{"topic", "partition", "from", "until"}]}}}; empty if that batch read nothing from Kafka.
   */
  @Override
  public synchronized Optional<String> checkpointPosition(Time time) {
    Optional<List<OffsetRange>> done = rangesOf(time);
    if (done.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode root = POSITION_JSON.createObjectNode();
    ArrayNode offsets = root.putArray("offsets");
    done.get().forEach(r -> offsets.addObject().put("topic", r.topic()).put("partition", r.partition())
        .put("offset", r.untilOffset()));
    ObjectNode batches = root.putObject("batches");
    for (Time t = time.plus(slideDuration()); rangesOf(t).isPresent(); t = t.plus(slideDuration())) {
      ArrayNode ranges = batches.putArray(String.valueOf(t.milliseconds()));
      rangesOf(t).get().forEach(r -> ranges.addObject().put("topic", r.topic()).put("partition", r.partition())
          .put("from", r.fromOffset()).put("until", r.untilOffset()));
    }
    return Optional.of(root.toString());
  }

  /** Continues from the offsets in {@code json}; the batches it lists read their recorded ranges again. */
  @Override
  public synchronized void restorePosition(String json) {
    try {
      JsonNode root = POSITION_JSON.readTree(json);
      for (JsonNode o : root.withArray("offsets")) {
        currentOffsets.put(new TopicPartition(o.get("topic").asText(), o.get("partition").asInt()), o.get("offset").asLong());
      }
      for (var it = root.with("batches").fields(); it.hasNext(); ) {
        var batch = it.next();
        List<OffsetRange> ranges = new ArrayList<>();
        for (JsonNode r : batch.getValue()) {
          ranges.add(OffsetRange.create(r.get("topic").asText(), r.get("partition").asInt(), r.get("from").asLong(),
              r.get("until").asLong()));
        }
        replay.put(new Time(Long.parseLong(batch.getKey())), ranges);
      }
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a Kafka stream position: " + json + " (" + e.getMessage() + ")", e);
    }
  }

  @SuppressWarnings("unchecked")
  private Optional<List<OffsetRange>> rangesOf(Time time) {
    return inputInfo(time).map(info -> (List<OffsetRange>) info.metadata().get(METADATA_KEY_OFFSETS));
  }

  private RDD<ConsumerRecord<K, V>> replay(Time validTime, List<OffsetRange> ranges) {
    ranges.forEach(r -> currentOffsets.put(r.topicPartition(), r.untilOffset()));
    reportInput(validTime, ranges.stream().mapToLong(OffsetRange::count).sum(), metadata(ranges));
    return new KafkaRDD<>(context().sparkContext(), taskParams, ranges, conf);
  }

  private static final ObjectMapper POSITION_JSON = new ObjectMapper();
}
