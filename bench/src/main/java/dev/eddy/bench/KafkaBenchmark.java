package dev.eddy.bench;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.kafka.ConsumerStrategies;
import dev.eddy.streaming.kafka.KafkaBroker;
import dev.eddy.streaming.kafka.KafkaUtils;
import dev.eddy.streaming.kafka.LocationStrategies;
import dev.eddy.util.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Measures the Kafka direct stream's read throughput against a local broker
 * ({@code KafkaBroker}, a child JVM): a topic of 4 partitions is filled with 100-byte records, then
 * a direct stream reads it in rate-capped batches (10 by default) ({@code maxRatePerPartition}), each batch
 * counting its RDD (every record fetched and deserialized as {@code byte[]}). Batches are cut by a
 * manual clock advanced as soon as the previous batch completed, so the figure is records read
 * per second of wall time, not limited by a batch interval. Each variant reads the whole topic
 * from offset 0: task consumers cached between batches (the default), and a new consumer per task.
 * The producer's rate is printed too.
 *
 * <p>{@code bench/run.sh kafka [records] [batches]} (default 1,000,000 records in 10 batches).
 */
public final class KafkaBenchmark {
  private static final int PARTITIONS = 4;
  private static final int RECORD_BYTES = 100;
  private static final int ROUNDS = 3;

  private KafkaBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int batches = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    long t0 = System.nanoTime();
    try (KafkaBroker broker = KafkaBroker.start()) {
      System.out.printf(Locale.ROOT, "broker up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      broker.createTopic("bench", PARTITIONS);
      double produceRate = produce(broker, records);
      System.out.printf(Locale.ROOT, "produced %,d records of %d bytes: %,.0f records/s%n", records, RECORD_BYTES, produceRate);
      List<String> rows = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        for (boolean cache : new boolean[] {true, false}) {
          double rate = read(broker, records, batches, cache, round);
          rows.add(String.format(Locale.ROOT, "| %d | %s | %,.0f | %.1f |", round + 1,
              cache ? "cached consumers" : "consumer per task", rate, rate * RECORD_BYTES / 1e6));
        }
      }
      System.out.printf(Locale.ROOT, "%n%d batches of %,d records (4 partitions)%n", batches, records / batches);
      System.out.println("| round | task consumers | records/s | MB/s |");
      System.out.println("|---|---|---|---|");
      rows.forEach(System.out::println);
    }
  }

  private static double produce(KafkaBroker broker, int records) throws Exception {
    Map<String, Object> params = Map.of(
        "bootstrap.servers", broker.bootstrapServers(),
        "key.serializer", ByteArraySerializer.class, "value.serializer", ByteArraySerializer.class,
        "acks", "1", "linger.ms", 20, "batch.size", 262_144, "compression.type", "none");
    byte[] value = new byte[RECORD_BYTES];
    new Random(42).nextBytes(value);
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(params)) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>("bench", i % PARTITIONS, null, value));
      }
      producer.flush();
    }
    return records / ((System.nanoTime() - start) / 1e9);
  }

  /** Reads the whole topic in {@code batches} batches; returns records per second. */
  private static double read(KafkaBroker broker, int records, int batches, boolean cache, int round) {
    long perPartitionPerBatch = (long) Math.ceil(records / (double) PARTITIONS / batches);
    EddyConf conf = new EddyConf().setMaster("local[*]").setAppName("kafka-bench")
        .set("spark.streaming.kafka.maxRatePerPartition", String.valueOf(perPartitionPerBatch))
        .set("spark.streaming.kafka.consumer.cache.enabled", String.valueOf(cache));
    EddyContext sc = new EddyContext(conf);
    try {
      ManualClock clock = new ManualClock();
      StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), clock);
      Map<String, Object> params = Map.of(
          "bootstrap.servers", broker.bootstrapServers(),
          "key.deserializer", ByteArrayDeserializer.class, "value.deserializer", ByteArrayDeserializer.class,
          "auto.offset.reset", "earliest", "group.id", "bench-" + cache + "-" + round);
      AtomicLong read = new AtomicLong();
      KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
              ConsumerStrategies.<byte[], byte[]>Subscribe(List.of("bench"), params))
          .foreachRDD(rdd -> read.addAndGet(rdd.count()));
      ssc.start();
      long start = System.nanoTime();
      for (int b = 1; b <= batches; b++) {
        clock.advance(1000);
        ssc.awaitBatches(b);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      ssc.stop();
      if (read.get() != records) {
        throw new IllegalStateException("read " + read.get() + " records, not " + records);
      }
      return records / seconds;
    } finally {
      sc.stop();
    }
  }
}
