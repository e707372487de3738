package dev.eddy.streaming.dstream.internal;

import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.dstream.DStream;
import java.util.Map;

/**
 * Keeps the lineage of a stream whose RDDs are built from its previous ones (updateStateByKey,
 * mapWithState, reduceByKeyAndWindow with an inverse function) short when no checkpoint
 * directory is set. Each new RDD is marked with {@link RDD#localCheckpoint()}, so the batch job
 * that computes it cuts its lineage at its cached blocks; when a batch ends, the stream forgets
 * its RDDs older than the newest one cut, never that one or later ones, which still read it.
 * Without this, each state RDD would depend on all before it: every input RDD would stay alive,
 * and computing a batch would recurse through its whole history. Stateless; thread-safe.
 */
public final class StateLineage {
  private StateLineage() {}

  /** Marks a stream's new RDD to be cut at its cached blocks by the job that computes it. */
  public static void markForCut(RDD<?> rdd) {
    rdd.localCheckpoint();
  }

  /**
   * Returns the latest batch time whose RDD the stream may forget when the batch at {@code time}
   * ends: {@code limit} (what its remember duration allows), or earlier so that the newest RDD
   * already cut stays, with every later one. If the newest RDD of a batch up to {@code time} is
   * not cut yet (no output job computed it, or its job failed), a job computes it now; if that
   * job fails too, the error goes to stderr and the stream forgets nothing older. At the end of a
   * run ({@code time} at {@link Long#MAX_VALUE}) returns {@code limit}: everything goes.
   */
  public static Time forgettableUpTo(DStream<?> stream, Map<Time, ? extends RDD<?>> rdds, Time time, Time limit) {
    if (time.milliseconds() == Long.MAX_VALUE) {
      return limit;
    }
    Time newest = null;
    for (Time t : rdds.keySet()) {
      if (!t.greater(time) && (newest == null || t.greater(newest))) {
        newest = t;
      }
    }
    if (newest == null) {
      return limit;
    }
    cutNow(stream, newest, rdds.get(newest));
    Time newestCut = null;
    for (Map.Entry<Time, ? extends RDD<?>> e : rdds.entrySet()) {
      Time t = e.getKey();
      if (!t.greater(time) && e.getValue().isCheckpointed() && (newestCut == null || t.greater(newestCut))) {
        newestCut = t;
      }
    }
    if (newestCut == null) {
      return new Time(Long.MIN_VALUE);
    }
    Time beforeCut = newestCut.minus(new Duration(1));
    return beforeCut.less(limit) ? beforeCut : limit;
  }

  private static void cutNow(DStream<?> stream, Time time, RDD<?> rdd) {
    if (rdd == null || rdd.isCheckpointed() || !rdd.isLocallyCheckpointed() || rdd.context().isStopped()) {
      return;
    }
    try {
      rdd.context().runJob(rdd, it -> {
        it.forEachRemaining(x -> { });
        return null;
      });
    } catch (RuntimeException e) {
      System.err.println("Eddy: cannot compute the RDD of " + stream + " at " + time
          + " to cut its lineage; keeping the RDDs it reads until a later batch succeeds: " + e);
    }
  }
}
