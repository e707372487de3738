package dev.eddy.streaming.util;

import dev.eddy.EddyConf;

/**
 * How a {@link FileBasedWriteAheadLog} rolls and syncs its segments. Immutable.
 *
 * <p>Read from a conf with {@link #fromConf}: {@value #ROLLING_INTERVAL_MS} (Spark's {@value
 * #SPARK_ROLLING_INTERVAL_SECS} is accepted too), {@value #SEGMENT_BYTES} and {@value #FSYNC}.
 *
 * @param rollingIntervalMs a new segment is started when the current one is this old (by the
 *     log's clock); Spark's default is 60 s
 * @param maxSegmentBytes a new segment is started before a record would make the current one
 *     larger than this; a record larger than this gets a segment of its own
 * @param fsync when data is forced to the device
 */
public record WriteAheadLogSettings(long rollingIntervalMs, long maxSegmentBytes, FsyncPolicy fsync) {
  /** Milliseconds after which a new segment is started. */
  public static final String ROLLING_INTERVAL_MS = "eddy.streaming.wal.rollingInterval.ms";
  /** Spark's name for the rolling interval, in seconds. */
  public static final String SPARK_ROLLING_INTERVAL_SECS = "spark.streaming.receiver.writeAheadLog.rollingIntervalSecs";
  /** The largest size of a segment file, in bytes (suffixes k, m, g allowed). */
  public static final String SEGMENT_BYTES = "eddy.streaming.wal.segment.bytes";
  /** {@code always}, {@code batch} or {@code none}; see {@link FsyncPolicy}. */
  public static final String FSYNC = "eddy.streaming.wal.fsync";

  /** The largest segment size accepted: segments are read whole into memory. */
  public static final long MAX_SEGMENT_BYTES = 1L << 30;

  /** Rolling every 60 s as Spark, 64 MiB segments, sync at batch boundaries. */
  public static final WriteAheadLogSettings DEFAULTS =
      new WriteAheadLogSettings(60_000, 64L << 20, FsyncPolicy.BATCH);

  public WriteAheadLogSettings {
    if (rollingIntervalMs <= 0) {
      throw new IllegalArgumentException("the write-ahead log's rolling interval must be positive: " + rollingIntervalMs + " ms");
    }
    if (maxSegmentBytes < 1024 || maxSegmentBytes > MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "the write-ahead log's segment size must be between 1 KiB and 1 GiB: " + maxSegmentBytes + " bytes");
    }
    if (fsync == null) {
      throw new IllegalArgumentException("the write-ahead log's fsync policy is null");
    }
  }

  /** Returns the settings in {@code conf}, with {@link #DEFAULTS} for keys it does not set. */
  public static WriteAheadLogSettings fromConf(EddyConf conf) {
    long rolling = DEFAULTS.rollingIntervalMs;
    if (conf.contains(ROLLING_INTERVAL_MS)) {
      rolling = parseLong(ROLLING_INTERVAL_MS, conf.get(ROLLING_INTERVAL_MS));
    } else if (conf.contains(SPARK_ROLLING_INTERVAL_SECS)) {
      rolling = parseLong(SPARK_ROLLING_INTERVAL_SECS, conf.get(SPARK_ROLLING_INTERVAL_SECS)) * 1000;
    }
    long segment = conf.contains(SEGMENT_BYTES) ? parseBytes(conf.get(SEGMENT_BYTES)) : DEFAULTS.maxSegmentBytes;
    FsyncPolicy fsync = conf.contains(FSYNC) ? FsyncPolicy.parse(conf.get(FSYNC)) : DEFAULTS.fsync;
    return new WriteAheadLogSettings(rolling, segment, fsync);
  }

  /** Returns these settings with {@code policy}. */
  public WriteAheadLogSettings withFsync(FsyncPolicy policy) {
    return new WriteAheadLogSettings(rollingIntervalMs, maxSegmentBytes, policy);
  }

  private static long parseLong(String key, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'", e);
    }
  }

  private static long parseBytes(String value) {
    String v = value.trim().toLowerCase(java.util.Locale.ROOT);
    int shift = v.endsWith("k") ? 10 : v.endsWith("m") ? 20 : v.endsWith("g") ? 30 : 0;
    String digits = shift == 0 ? v : v.substring(0, v.length() - 1);
    return parseLong(SEGMENT_BYTES, digits) << shift;
  }
}
