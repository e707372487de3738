package dev.eddy.streaming;

/**
 * The lifecycle of a {@link StreamingContext}, as Spark's:
 *
 * <pre>
 * INITIALIZED --start()--&gt; ACTIVE --stop()--&gt; STOPPED
 *      \___________________stop()__________________/
 * </pre>
 *
 * A stopped context cannot start again; build a new one (the {@code EddyContext} may be reused).
 */
public enum StreamingContextState {
  /** Built; streams and output operations may be added. */
  INITIALIZED,
  /** Started; batches are generated and run. */
  ACTIVE,
  /** Stopped; final. */
  STOPPED
}
