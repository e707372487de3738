package dev.eddy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings for an {@link EddyContext}, as Spark's {@code SparkConf}: string keys and values, set
 * fluently and read with typed getters.
 *
 * <pre>{@code
 * EddyConf conf = new EddyConf().setMaster("local[2]").setAppName("word count");
 * EddyContext sc = new EddyContext(conf);
 * }</pre>
 *
 * <p>As in Spark, the setters change this object and return it, so that a statement such as
 * {@code conf.set(k, v);} is not lost. A context copies its conf when it is built; changing the
 * conf afterwards does not affect the context. {@code new EddyConf()} starts from the JVM's
 * system properties whose names begin with {@code eddy.}, so a host (the kernel) can set defaults
 * with {@code -Deddy.streaming.print.stdout=false}.
 *
 * <p>The keys Eddy reads are listed in {@link #KEYS}, each with its default and documentation; they
 * are validated when set. Thread-safe.
 */
public final class EddyConf {

  /** A documented configuration key with its default value. */
  public record Key(String name, String defaultValue, String doc) {}

  /**
   * Where jobs run: {@code local}, {@code local[N]} (N task threads), {@code local[*]} (one per
   * core), or {@code local[N,F]} / {@code local[*,F]} (also F attempts per task, as Spark).
   */
  public static final Key MASTER =
      new Key("eddy.master", "local[*]",
          "Where tasks run: local (1 thread), local[N], local[*] (one per core), local[N,F] (F attempts per task).");

  /** The application's name, shown in thread names and the kernel's views. */
  public static final Key APP_NAME = new Key("eddy.app.name", "Eddy", "The application's name.");

  /**
   * Whether {@code DStream.print()} writes to {@code System.out}. The kernel turns it off because
   * it shows printed rows as a live table instead.
   */
  public static final Key STREAMING_PRINT_STDOUT =
      new Key(
          "eddy.streaming.print.stdout",
          "true",
          "Whether DStream.print() writes to System.out; its rows are published as OutputRows events either way.");

  /**
   * Whether a failed batch's error is also printed to {@code System.err}. The kernel turns it off
   * because the stream's live view shows the error, mapped to the cell's line.
   */
  public static final Key STREAMING_FAILURES_STDERR =
      new Key(
          "eddy.streaming.failures.stderr",
          "true",
          "Whether a failed batch's error is printed to System.err; it is in BatchInfo.failureReason either way.");

  /** Heap bytes that cached blocks may take in memory before the least recently used are evicted. */
  public static final Key STORAGE_MEMORY_BYTES =
      new Key(
          "eddy.storage.memory.bytes",
          String.valueOf(256L << 20),
          "Heap bytes for cached RDD blocks and broadcasts in memory (estimated); beyond it the least"
              + " recently used blocks are evicted, to disk when their level allows.");

  /** Heap bytes that a job's shuffle map outputs may take before further outputs are spilled to disk. */
  public static final Key SHUFFLE_MEMORY_BYTES =
      new Key(
          "eddy.shuffle.memory.bytes",
          String.valueOf(256L << 20),
          "Heap bytes for shuffle map outputs (estimated); a map output that would exceed it is spilled"
              + " to disk through the serializer.");

  /** The directory under which each context makes its temporary directory for block and spill files. */
  public static final Key LOCAL_DIR =
      new Key(
          "eddy.local.dir",
          System.getProperty("java.io.tmpdir"),
          "Directory for block files and shuffle spills (a per-context subdirectory, deleted on stop).");

  /**
   * How many times a task may run before its job fails, as Spark's {@code spark.task.maxFailures}
   * (also accepted): the total number of attempts, so 1 means no retry. The default is 1, as in
   * Spark's local mode, because in one JVM a failing task is nearly always a bug in the user's
   * function that a retry repeats; {@code local[N,F]} sets it to F, as in Spark.
   */
  public static final Key TASK_MAX_FAILURES =
      new Key(
          "eddy.task.maxFailures",
          "1",
          "Attempts per task before its job fails (1 = no retry); spark.task.maxFailures and local[N,F] also set it.");

  /** Spark's name for {@link #TASK_MAX_FAILURES}, accepted as well. */
  public static final String SPARK_TASK_MAX_FAILURES = "spark.task.maxFailures";

  // ---------------------------------------------------------------- streaming receivers
  // Each key also accepts Spark's name (spark.streaming.*). They are read and validated, naming the
  // key, by dev.eddy.streaming.receiver.ReceiverConf when a receiver stream is defined.

  /** How often a receiver's records are cut into a block (one block = one partition of the batch). */
  public static final Key STREAMING_BLOCK_INTERVAL =
      new Key("eddy.streaming.blockInterval", "200ms",
          "Interval at which received records are cut into blocks (one block = one partition); ms, or 200ms, 1s.");

  /** How long a receiver that asked to restart stays stopped. */
  public static final Key STREAMING_RECEIVER_RESTART_DELAY =
      new Key("eddy.streaming.receiverRestartDelay", "2000ms",
          "How long a receiver that called restart() waits before it starts again, on the context's clock.");

  /** The most records per second each receiver stores; 0 means no limit. */
  public static final Key STREAMING_RECEIVER_MAX_RATE =
      new Key("eddy.streaming.receiver.maxRate", "0",
          "Records per second each receiver may store (0 = unlimited); also caps backpressure.");

  /** Whether receivers' rates follow the processing speed (PID rate estimator). */
  public static final Key STREAMING_BACKPRESSURE_ENABLED =
      new Key("eddy.streaming.backpressure.enabled", "false",
          "Whether a PID estimator adapts each receiver's rate to how fast batches are processed.");

  /** The rate limit receivers start with when backpressure is enabled; 0 means none. */
  public static final Key STREAMING_BACKPRESSURE_INITIAL_RATE =
      new Key("eddy.streaming.backpressure.initialRate", "0",
          "Records per second each receiver may store before the first rate estimate (0 = no initial limit).");

  /** Weight of the current error in the PID rate estimator. */
  public static final Key STREAMING_BACKPRESSURE_PID_PROPORTIONAL =
      new Key("eddy.streaming.backpressure.pid.proportional", "1.0", "PID estimator: weight of the current error (>= 0).");

  /** Weight of the accumulated (scheduling delay) error in the PID rate estimator. */
  public static final Key STREAMING_BACKPRESSURE_PID_INTEGRAL =
      new Key("eddy.streaming.backpressure.pid.integral", "0.2", "PID estimator: weight of the accumulated error (>= 0).");

  /** Weight of the error's rate of change in the PID rate estimator. */
  public static final Key STREAMING_BACKPRESSURE_PID_DERIVED =
      new Key("eddy.streaming.backpressure.pid.derived", "0.0", "PID estimator: weight of the error's change (>= 0).");

  /** The lowest rate the PID rate estimator proposes. */
  public static final Key STREAMING_BACKPRESSURE_PID_MIN_RATE =
      new Key("eddy.streaming.backpressure.pid.minRate", "100", "PID estimator: the lowest rate it proposes (> 0).");

  /** Whether receivers write each block to a write-ahead log under the checkpoint directory before reporting it. */
  public static final Key STREAMING_RECEIVER_WAL_ENABLED =
      new Key("eddy.streaming.receiver.writeAheadLog.enable", "false",
          "Whether receivers write each block to a write-ahead log (and the block tracker its events) under the "
              + "checkpoint directory, so that received data survives a failure; needs ssc.checkpoint(dir).");

  /** Every key Eddy reads, in one table. */
  public static final List<Key> KEYS = List.of(
      MASTER, APP_NAME, STREAMING_PRINT_STDOUT, STREAMING_FAILURES_STDERR, STORAGE_MEMORY_BYTES, SHUFFLE_MEMORY_BYTES, LOCAL_DIR,
      TASK_MAX_FAILURES,
      STREAMING_BLOCK_INTERVAL, STREAMING_RECEIVER_RESTART_DELAY, STREAMING_RECEIVER_MAX_RATE,
      STREAMING_BACKPRESSURE_ENABLED, STREAMING_BACKPRESSURE_INITIAL_RATE, STREAMING_BACKPRESSURE_PID_PROPORTIONAL,
      STREAMING_BACKPRESSURE_PID_INTEGRAL, STREAMING_BACKPRESSURE_PID_DERIVED, STREAMING_BACKPRESSURE_PID_MIN_RATE,
      STREAMING_RECEIVER_WAL_ENABLED);

  private static final Pattern LOCAL_N = Pattern.compile("local\\[(\\d+|\\*)(?:,\\s*(\\d+))?]");
  private static final String SYSTEM_PROPERTY_PREFIX = "eddy.";

  private final Map<String, String> settings = new ConcurrentHashMap<>();

  /** Creates a conf holding the {@code eddy.*} system properties. */
  public EddyConf() {
    this(true);
  }

  /** Creates a conf, empty or holding the {@code eddy.*} system properties. */
  public EddyConf(boolean loadDefaults) {
    if (loadDefaults) {
      System.getProperties().forEach((k, v) -> {
        if (k instanceof String key && key.startsWith(SYSTEM_PROPERTY_PREFIX)) {
          set(key, String.valueOf(v));
        }
      });
    }
  }

  /** Sets the master URL: {@code local}, {@code local[N]} or {@code local[*]}. */
  public EddyConf setMaster(String master) {
    return set(MASTER.name(), master);
  }

  /** Sets the application name. */
  public EddyConf setAppName(String name) {
    return set(APP_NAME.name(), name);
  }

  /**
   * Sets {@code key} to {@code value} and returns this conf.
   *
   * @throws IllegalArgumentException if the key is one of {@link #KEYS} and the value is invalid
   */
  public EddyConf set(String key, String value) {
    if (key == null || value == null) {
      throw new NullPointerException("null key or value: " + key + "=" + value);
    }
    validate(key, value);
    settings.put(key, value);
    return this;
  }

  /** Returns the value of {@code key}, or its default if it is one of {@link #KEYS}, else empty. */
  public Optional<String> getOption(String key) {
    String value = settings.get(key);
    if (value != null) {
      return Optional.of(value);
    }
    return KEYS.stream().filter(k -> k.name().equals(key)).map(Key::defaultValue).findFirst();
  }

  /**
   * Returns the value of {@code key}, or its default if it is one of {@link #KEYS}.
   *
   * @throws java.util.NoSuchElementException if it is neither set nor has a default
   */
  public String get(String key) {
    return getOption(key).orElseThrow(() -> new java.util.NoSuchElementException(key + " is not set"));
  }

  /** Returns the value of {@code key}, or {@code defaultValue} if it is not set. */
  public String get(String key, String defaultValue) {
    String value = settings.get(key);
    return value != null ? value : defaultValue;
  }

  /** Returns the value of {@code key} as an int, or {@code defaultValue} if it is not set. */
  public int getInt(String key, int defaultValue) {
    String value = settings.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, not '" + value + "'", e);
    }
  }

  /** Returns the value of {@code key} (or its default, if it is one of {@link #KEYS}) as a non-negative byte count. */
  public long getBytes(String key) {
    return parseBytes(key, get(key));
  }

  /** Returns the value of {@code key} as a boolean, or {@code defaultValue} if it is not set. */
  public boolean getBoolean(String key, boolean defaultValue) {
    String value = settings.get(key);
    return value == null ? defaultValue : parseBoolean(key, value);
  }

  /** Returns whether {@code key} is set explicitly. */
  public boolean contains(String key) {
    return settings.containsKey(key);
  }

  /** Returns the master URL, {@code local[*]} unless set. */
  public String master() {
    return get(MASTER.name());
  }

  /** Returns the application name, {@code Eddy} unless set. */
  public String appName() {
    return get(APP_NAME.name());
  }

  /** Returns the number of task threads the master URL asks for. */
  public int taskThreads() {
    return parseMaster(master());
  }

  /**
   * Returns how many attempts a task gets: {@code eddy.task.maxFailures}, else
   * {@code spark.task.maxFailures}, else F of a {@code local[N,F]} master, else 1.
   */
  public int taskMaxFailures() {
    for (String key : List.of(TASK_MAX_FAILURES.name(), SPARK_TASK_MAX_FAILURES)) {
      if (settings.containsKey(key)) {
        return parseMaxFailures(key, settings.get(key));
      }
    }
    Matcher matcher = LOCAL_N.matcher(master().trim());
    return matcher.matches() && matcher.group(2) != null
        ? parseMaxFailures(MASTER.name(), matcher.group(2))
        : Integer.parseInt(TASK_MAX_FAILURES.defaultValue());
  }

  /** Returns a copy of the explicit settings, sorted by key. */
  public Map<String, String> getAll() {
    return Collections.unmodifiableMap(new TreeMap<>(settings));
  }

  /** Returns an independent copy of this conf. */
  public EddyConf copy() {
    EddyConf copy = new EddyConf(false);
    copy.settings.putAll(settings);
    return copy;
  }

  @Override
  public String toString() {
    return "EddyConf" + getAll();
  }

  /**
   * Returns the number of task threads for a master URL.
   *
   * @throws IllegalArgumentException for anything but {@code local}, {@code local[N]}, {@code local[*]},
   *     {@code local[N,F]} or {@code local[*,F]} (F, the task attempts, is read by {@link #taskMaxFailures()})
   */
  public static int parseMaster(String master) {
    String m = master.trim();
    if (m.equals("local")) {
      return 1;
    }
    Matcher matcher = LOCAL_N.matcher(m);
    if (matcher.matches()) {
      String n = matcher.group(1);
      int threads = n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
      if (threads < 1) {
        throw new IllegalArgumentException("local[N] needs at least one thread: '" + master + "'");
      }
      if (matcher.group(2) != null) {
        parseMaxFailures("the F of local[N,F]", matcher.group(2));
      }
      return threads;
    }
    throw new IllegalArgumentException(
        "Unsupported master '" + master + "': Eddy runs in one JVM; use local, local[N], local[*] or local[N,F]");
  }

  private static void validate(String key, String value) {
    if (key.equals(MASTER.name())) {
      parseMaster(value);
    } else if (key.equals(STREAMING_PRINT_STDOUT.name()) || key.equals(STREAMING_FAILURES_STDERR.name())) {
      parseBoolean(key, value);
    } else if (key.equals(STORAGE_MEMORY_BYTES.name()) || key.equals(SHUFFLE_MEMORY_BYTES.name())) {
      parseBytes(key, value);
    } else if (key.equals(TASK_MAX_FAILURES.name()) || key.equals(SPARK_TASK_MAX_FAILURES)) {
      parseMaxFailures(key, value);
    }
  }

  private static long parseBytes(String key, String value) {
    try {
      long bytes = Long.parseLong(value.trim());
      if (bytes >= 0) {
        return bytes;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + " must be a number of bytes (0 or more), not '" + value + "'");
  }

  private static int parseMaxFailures(String key, String value) {
    int attempts;
    try {
      attempts = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number of attempts, not '" + value + "'", e);
    }
    if (attempts < 1) {
      throw new IllegalArgumentException(key + " must be at least 1 (attempts per task), not " + attempts);
    }
    return attempts;
  }

  private static boolean parseBoolean(String key, String value) {
    String v = value.trim().toLowerCase(java.util.Locale.ROOT);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
  }
}
