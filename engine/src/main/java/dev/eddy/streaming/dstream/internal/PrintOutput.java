package dev.eddy.streaming.dstream.internal;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Time;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code print(num)}: takes the first {@code num + 1} elements of each batch, prints the first
 * {@code num} to {@code System.out} in Spark's exact format (unless
 * {@code eddy.streaming.print.stdout} is false) and publishes them as an {@code OutputRows} event.
 * Immutable.
 */
public final class PrintOutput<T> implements OutputAction<T> {
  private static final String DASHES = "-------------------------------------------";

  private final int num;
  private final boolean toStdout;

  public PrintOutput(int num, EddyContext sc) {
    if (num < 0) {
      throw new IllegalArgumentException("print(num) needs num >= 0, not " + num);
    }
    this.num = num;
    this.toStdout = sc.getConf().getBoolean(EddyConf.STREAMING_PRINT_STDOUT.name(), true);
  }

  @Override
  public void run(RDD<T> rdd, Time time, OutputContext output) {
    List<T> firstNumPlusOne = rdd.take(num + 1);
    boolean hasMore = firstNumPlusOne.size() > num;
    List<Object> rows = new ArrayList<>(firstNumPlusOne.subList(0, Math.min(num, firstNumPlusOne.size())));
    if (toStdout) {
      System.out.print(format(time, rows, hasMore));
      System.out.flush();
    }
    output.publishRows(time, rows, hasMore);
  }

  /** Returns the text Spark's {@code print} writes for one batch. */
  static String format(Time time, List<Object> rows, boolean hasMore) {
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder();
    out.append(DASHES).append(nl).append("Time: ").append(time).append(nl).append(DASHES).append(nl);
    for (Object row : rows) {
      out.append(row).append(nl);
    }
    if (hasMore) {
      out.append("...").append(nl);
    }
    out.append(nl);
    return out.toString();
  }
}
