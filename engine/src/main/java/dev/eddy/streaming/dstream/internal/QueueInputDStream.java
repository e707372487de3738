package dev.eddy.streaming.dstream.internal;

import dev.eddy.rdd.RDD;
import dev.eddy.rdd.internal.UnionRDD;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;

/**
 * A stream fed from a queue of RDDs, as Spark's {@code QueueInputDStream}: each batch takes the
 * next RDD, or all queued RDDs as one union, or an empty RDD when the queue is empty. The queue is
 * read while synchronized on it. Thread-safe.
 */
public final class QueueInputDStream<T> extends InputDStream<T> {
  private final Queue<RDD<T>> queue;
  private final boolean oneAtATime;

  public QueueInputDStream(StreamingContext ssc, Queue<RDD<T>> queue, boolean oneAtATime) {
    super(ssc);
    this.queue = queue;
    this.oneAtATime = oneAtATime;
  }

  @Override
  public Optional<RDD<T>> compute(Time validTime) {
    List<RDD<T>> taken = new ArrayList<>();
    synchronized (queue) {
      if (oneAtATime) {
        RDD<T> next = queue.poll();
        if (next != null) {
          taken.add(next);
        }
      } else {
        while (!queue.isEmpty()) {
          taken.add(queue.poll());
        }
      }
    }
    var sc = context().sparkContext();
    RDD<T> rdd = switch (taken.size()) {
      case 0 -> sc.emptyRDD();
      case 1 -> taken.get(0);
      default -> new UnionRDD<>(sc, taken);
    };
    reportRecords(validTime, countQuietly(rdd));
    return Optional.of(rdd);
  }

  /**
   * Counts the RDD for {@code BatchInfo.numRecords}: free for a parallelized list, otherwise a
   * job. If that job fails, the batch's own jobs fail the same way and report it; here it counts 0.
   */
  private static long countQuietly(RDD<?> rdd) {
    try {
      return rdd.count();
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
