package dev.eddy.kernel;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.streaming.ActiveContexts;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;

/**
 * The engine objects a notebook starts with: {@code sc}, an engine context on all cores, and
 * {@code ssc}, a streaming context over it with a one-second batch interval.
 *
 * <p>{@code DStream.print()} is told not to write to stdout: the live view shows the same rows as
 * a table.
 */
final class EngineSession {
  static final String APP_NAME = "eddy-notebook";

  private final EddyContext sc;
  private final StreamingContext ssc;

  private EngineSession(EddyContext sc, StreamingContext ssc) {
    this.sc = sc;
    this.ssc = ssc;
  }

  /** Creates the engine context and the streaming context. */
  static EngineSession start() {
    EddyConf conf = new EddyConf()
        .setMaster("local[*]")
        .setAppName(APP_NAME)
        .set("eddy.streaming.print.stdout", "false")
        .set("eddy.streaming.failures.stderr", "false");
    EddyContext sc = new EddyContext(conf);
    return new EngineSession(sc, new StreamingContext(sc, Durations.seconds(1)));
  }

  EddyContext sc() {
    return sc;
  }

  StreamingContext ssc() {
    return ssc;
  }

  /** Cancels the engine jobs running now; streams keep generating batches. */
  void cancelAllJobs() {
    sc.cancelAllJobs();
  }

  /** Stops every running stream, then the engine context. */
  void stop() {
    ActiveContexts.stopAll();
    sc.stop();
  }
}
