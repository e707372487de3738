package dev.eddy.streaming.receiver;

import dev.eddy.EddyConf;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The receiver and rate-control settings of one streaming context, read once from its
 * {@link EddyConf}: each {@code eddy.streaming.*} key of {@link EddyConf#KEYS}, else Spark's
 * {@code spark.streaming.*} name for it, else the default. Bad values fail with the key's name.
 * Immutable.
 *
 * @param blockIntervalMillis how often records are cut into blocks
 * @param restartDelayMillis how long a restarting receiver stays stopped
 * @param maxRate records per second per receiver; {@code Long.MAX_VALUE} when unlimited
 * @param backpressure whether the PID estimator adapts receivers' rates
 * @param initialRate the rate before the first estimate; {@code Long.MAX_VALUE} when none
 * @param proportional PID weight of the current error
 * @param integral PID weight of the accumulated error
 * @param derived PID weight of the error's change
 * @param minRate the lowest rate the estimator proposes
 */
public record ReceiverConf(
    long blockIntervalMillis,
    long restartDelayMillis,
    long maxRate,
    boolean backpressure,
    long initialRate,
    double proportional,
    double integral,
    double derived,
    double minRate) {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min)?");

  /** Reads the settings from {@code conf}. */
  public static ReceiverConf from(EddyConf conf) {
    long blockInterval = millis(conf, EddyConf.STREAMING_BLOCK_INTERVAL);
    if (blockInterval <= 0) {
      throw new IllegalArgumentException(nameOf(conf, EddyConf.STREAMING_BLOCK_INTERVAL) + " must be positive");
    }
    long maxRate = rate(conf, EddyConf.STREAMING_RECEIVER_MAX_RATE);
    return new ReceiverConf(
        blockInterval,
        millis(conf, EddyConf.STREAMING_RECEIVER_RESTART_DELAY),
        maxRate,
        Boolean.parseBoolean(bool(conf, EddyConf.STREAMING_BACKPRESSURE_ENABLED)),
        Math.min(rate(conf, EddyConf.STREAMING_BACKPRESSURE_INITIAL_RATE), maxRate),
        number(conf, EddyConf.STREAMING_BACKPRESSURE_PID_PROPORTIONAL),
        number(conf, EddyConf.STREAMING_BACKPRESSURE_PID_INTEGRAL),
        number(conf, EddyConf.STREAMING_BACKPRESSURE_PID_DERIVED),
        number(conf, EddyConf.STREAMING_BACKPRESSURE_PID_MIN_RATE));
  }

  /** Returns the key's Spark name: {@code eddy.} replaced by {@code spark.}. */
  static String sparkName(EddyConf.Key key) {
    return "spark." + key.name().substring("eddy.".length());
  }

  private static String nameOf(EddyConf conf, EddyConf.Key key) {
    return conf.contains(key.name()) || !conf.contains(sparkName(key)) ? key.name() : sparkName(key);
  }

  private static String raw(EddyConf conf, EddyConf.Key key) {
    if (conf.contains(key.name())) {
      return conf.get(key.name());
    }
    return conf.get(sparkName(key), key.defaultValue());
  }

  private static long millis(EddyConf conf, EddyConf.Key key) {
    String value = raw(conf, key).trim().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          nameOf(conf, key) + " must be a duration such as 200ms, 2s or 1min (plain numbers are ms), not '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "s" -> n * 1000;
      case "m", "min" -> n * 60_000;
      default -> n;
    };
  }

  private static long rate(EddyConf conf, EddyConf.Key key) {
    String value = raw(conf, key).trim();
    try {
      long rate = Long.parseLong(value);
      return rate <= 0 ? Long.MAX_VALUE : rate;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(nameOf(conf, key) + " must be whole records per second, not '" + value + "'", e);
    }
  }

  private static double number(EddyConf conf, EddyConf.Key key) {
    String value = raw(conf, key).trim();
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(nameOf(conf, key) + " must be a number, not '" + value + "'", e);
    }
  }

  private static String bool(EddyConf conf, EddyConf.Key key) {
    String value = raw(conf, key).trim().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(nameOf(conf, key) + " must be true or false, not '" + value + "'");
    }
    return value;
  }
}
