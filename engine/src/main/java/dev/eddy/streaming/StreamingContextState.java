package dev.eddy.streaming;

/**
 * The lifecycle of a {@link StreamingContext}, as Spark's:
 *
 * <pre>
 * INITIALIZED --start()--&gt; ACTIVE --stop()--&gt; STOPPED
 *      \___________________stop()__________________/
 *                             ACTIVE &lt;--start()-- STOPPED
 * </pre>
 *
 * Unlike Spark, a stopped context may start again (a new run; see {@code StreamingContext}),
 * unless {@code stop(true)} stopped its {@code EddyContext} too.
 */
public enum StreamingContextState {
  /** Built; streams and output operations may be added. */
  INITIALIZED,
  /** Started; batches are generated and run. */
  ACTIVE,
  /** Stopped; streams may be defined again for the next {@code start()}. */
  STOPPED
}
