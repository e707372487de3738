package dev.eddy.streaming.kafka.internal;

import dev.eddy.streaming.kafka.OffsetRange;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records of one offset range, read lazily by a task consumer. When the range is read to its
 * end the consumer goes back to the pool (or is closed without caching); when the reader fails
 * the consumer is closed; when the iterator is dropped half-read (a {@code take}) a cleaner closes
 * the consumer. Gaps in offsets (compacted topics, transaction markers) are skipped. Not
 * thread-safe: one task reads it. A range reaching past the partition's end fails at once; a
 * broker that does not answer fails the read after the poll timeout.
 */
final class OffsetRangeIterator<K, V> implements Iterator<ConsumerRecord<K, V>> {
  private static final Cleaner CLEANER = Cleaner.create();

  /** The consumer on loan, closed by the cleaner unless returned first. */
  private static final class Loan implements Runnable {
    final TaskConsumer<?, ?> consumer;
    final AtomicBoolean settled = new AtomicBoolean();

    Loan(TaskConsumer<?, ?> consumer) {
      this.consumer = consumer;
    }

    @Override
    public void run() {
      if (settled.compareAndSet(false, true)) {
        consumer.close();
      }
    }
  }

  private final OffsetRange range;
  private final Map<String, Object> taskParams;
  private final long pollMillis;
  private final boolean cache;
  private final TaskConsumer<K, V> consumer;
  private final Loan loan;
  private ConsumerRecord<K, V> pending;
  private boolean done;

  OffsetRangeIterator(OffsetRange range, Map<String, Object> taskParams, long pollMillis, boolean cache) {
    this.range = range;
    this.taskParams = taskParams;
    this.pollMillis = pollMillis;
    this.cache = cache;
    this.consumer = cache ? ConsumerPool.SHARED.take(taskParams, range.topicPartition())
        : new TaskConsumer<>(taskParams, range.topicPartition());
    this.loan = new Loan(consumer);
    CLEANER.register(this, loan);
    try {
      consumer.moveTo(range.fromOffset());
    } catch (RuntimeException e) {
      loan.run();
      throw e;
    }
  }

  @Override
  public boolean hasNext() {
    if (pending != null) {
      return true;
    }
    if (done) {
      return false;
    }
    try {
      pending = fetch();
    } catch (RuntimeException e) {
      done = true;
      loan.run();
      throw e;
    }
    if (pending == null) {
      done = true;
      if (loan.settled.compareAndSet(false, true)) {
        if (cache) {
          ConsumerPool.SHARED.giveBack(taskParams, consumer);
        } else {
          consumer.close();
        }
      }
    }
    return pending != null;
  }

  @Override
  public ConsumerRecord<K, V> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ConsumerRecord<K, V> r = pending;
    pending = null;
    return r;
  }

  /** Returns the next record of the range, or null at its end; waits at most the poll timeout for progress. */
  private ConsumerRecord<K, V> fetch() {
    if (consumer.nextOffset() >= range.untilOffset()) {
      return null; // the range's last record was handed out: a poll would wait for records past it
    }
    long deadline = System.nanoTime() + pollMillis * 1_000_000;
    while (true) {
      long wait = Math.max(1, Math.min(1_000, (deadline - System.nanoTime()) / 1_000_000));
      ConsumerRecord<K, V> r = consumer.next(Duration.ofMillis(wait));
      if (r != null) {
        if (r.offset() >= range.untilOffset()) {
          consumer.unread(r);
          return null;
        }
        return r;
      }
      long position = consumer.fetchPosition();
      if (position >= range.untilOffset()) {
        return null;
      }
      long end = consumer.endOffset(Duration.ofSeconds(5));
      if (end >= 0 && end <= position) {
        throw new IllegalStateException("Kafka " + range.topicPartition() + " ends at offset " + end
            + ", so the offset range " + range + " asks for records that are not (yet) in Kafka");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Failed to get records for Kafka " + range + " (at offset "
            + consumer.fetchPosition() + ") after polling for " + pollMillis + " ms; is the broker up? ("
            + KafkaConf.POLL_MS + " sets how long to wait)");
      }
    }
  }
}
