package dev.eddy.streaming.dstream;

import dev.eddy.EddyContext;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.scheduler.BatchCompleted;
import dev.eddy.streaming.scheduler.StreamingListener;
import dev.eddy.util.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs streams batch by batch on a manual clock: inputs are queue streams of given batches, and
 * outputs are collected per batch time. The batch thread writes the collections; the test reads
 * them after {@link #runBatches}, which waits for the batches' completion events.
 */
final class StreamHarness implements AutoCloseable {
  final EddyContext sc;
  final ManualClock clock = new ManualClock();
  final StreamingContext ssc;
  final long batchMs;
  final Map<Long, String> failures = new ConcurrentHashMap<>();
  private int completed;

  StreamHarness(String name, long batchMs) {
    this.sc = new EddyContext("local[2]", name);
    this.batchMs = batchMs;
    this.ssc = new StreamingContext(sc, Durations.milliseconds(batchMs), clock);
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchCompleted event) {
        event.batchInfo().failureReason()
            .ifPresent(r -> failures.put(event.batchInfo().batchTime().milliseconds(), r));
      }
    });
  }

  /** Returns a stream whose i-th batch holds {@code batches.get(i)} in two partitions, then empty batches. */
  <T> DStream<T> input(List<List<T>> batches) {
    Queue<RDD<T>> queue = new ConcurrentLinkedQueue<>();
    for (List<T> batch : batches) {
      queue.add(sc.parallelize(batch, 2));
    }
    return ssc.queueStream(queue);
  }

  /** Collects each batch's elements of {@code stream} by batch time in ms. */
  <T> Map<Long, List<T>> collect(DStream<T> stream) {
    Map<Long, List<T>> out = new ConcurrentHashMap<>();
    stream.foreachRDD((rdd, time) -> out.put(time.milliseconds(), rdd.collect()));
    return out;
  }

  /** Starts the context if needed and runs {@code n} more batches. */
  void runBatches(int n) {
    ssc.start();
    for (int i = 0; i < n; i++) {
      clock.advance(batchMs);
      ssc.awaitBatches(++completed);
    }
  }

  static <T> Map<Long, T> sorted(Map<Long, T> m) {
    return new TreeMap<>(m);
  }

  @Override
  public void close() {
    ssc.stop();
    sc.stop();
  }
}
