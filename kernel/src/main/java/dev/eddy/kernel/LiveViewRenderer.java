package dev.eddy.kernel;

import dev.eddy.api.Tuple2;
import dev.eddy.streaming.scheduler.BatchInfo;
import dev.eddy.streaming.scheduler.OutputRows;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

/**
 * Renders a {@link LiveView.Snapshot} as HTML and plain text, as a small Streaming tab: a title
 * line (state, batch interval, batches so far), per output operation the latest batch's first
 * rows as a table, the recent batches' figures (input records and rate, scheduling delay,
 * processing time, total delay) as a table and as SVG bar charts (the batch interval drawn as a
 * dashed line on the processing-time chart), and what each input stream read in the latest
 * batch. A stopped stream's rendering is its final snapshot, with totals, which reads well in a
 * saved notebook.
 *
 * <p>Tables are built with Tablesaw and written with its {@link HtmlWriter} directly (its writer
 * registry costs a class-path scan). The HTML is bare tags with escaped text: no scripts, styles
 * or style attributes, which GitHub and nbviewer would strip from saved notebooks anyway.
 */
final class LiveViewRenderer {
  static final int MAX_ROWS = 20;
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  private LiveViewRenderer() {}

  static DisplayData render(LiveView.Snapshot view) {
    return render(view, UnaryOperator.identity());
  }

  /**
   * Renders {@code view}; {@code failureText} rewrites a failed batch's reason (the kernel maps
   * stack frames of cell code to cell lines with it).
   */
  static DisplayData render(LiveView.Snapshot view, UnaryOperator<String> failureText) {
    StringBuilder html = new StringBuilder("<div>\n");
    StringBuilder text = new StringBuilder();
    String title = title(view);
    html.append("<p><b>").append(escape(title)).append("</b></p>\n");
    text.append(title).append('\n');
    if (view.lastFailedBatch() != null) {
      String failure = failure(view, failureText);
      html.append("<p><b>").append(escape(failure.substring(0, failure.indexOf(':') + 1))).append("</b>")
          .append(escape(failure.substring(failure.indexOf(':') + 1))).append("</p>\n");
      text.append(failure).append('\n');
    }
    for (OutputRows output : view.outputs().values()) {
      String caption = caption(output);
      html.append("<p>").append(escape(caption)).append("</p>\n");
      text.append('\n').append(caption).append('\n');
      if (output.rows().isEmpty()) {
        html.append("<p>No rows in this batch.</p>\n");
        text.append("No rows in this batch.\n");
      } else {
        Table rows = rowsTable(output);
        html.append(toHtml(rows));
        text.append(rows.printAll()).append('\n');
      }
    }
    if (view.latestBatch() != null) {
      Table history = historyTable(view);
      html.append("<p>Recent batches</p>\n").append(toHtml(history));
      text.append('\n').append(history.printAll()).append('\n');
      html.append(charts(view));
      text.append(textCharts(view));
      if (!view.latestBatch().streamIdToInputInfo().isEmpty()) {
        Table inputs = inputsTable(view);
        html.append("<p>Input streams, latest batch</p>\n").append(toHtml(inputs));
        text.append('\n').append(inputs.printAll()).append('\n');
      }
      if (!view.running()) {
        String totals = totals(view);
        html.append("<p><b>Final snapshot:</b> ").append(escape(totals)).append("</p>\n");
        text.append('\n').append("Final snapshot: ").append(totals).append('\n');
      }
    } else {
      html.append("<p>Waiting for the first batch.</p>\n");
      text.append("Waiting for the first batch.\n");
    }
    html.append("</div>");
    DisplayData data = new DisplayData(text.toString());
    data.putHTML(html.toString());
    return data;
  }

  /** "2 batches failed; the last, of 12:00:01.000: print failed: java.lang.X: m (at line 3 of cell [4])". */
  static String failure(LiveView.Snapshot view, UnaryOperator<String> failureText) {
    BatchInfo failed = view.lastFailedBatch();
    String reason = failed.failureReason().orElse("unknown");
    String mapped;
    try {
      mapped = failureText.apply(reason);
    } catch (RuntimeException e) {
      mapped = reason;
    }
    String count = view.failedBatches() == 1 ? "1 batch failed" : view.failedBatches() + " batches failed";
    return count + "; the last, of " + clock(failed.batchTime().milliseconds()) + ": " + mapped;
  }

  private static String title(LiveView.Snapshot view) {
    String state = view.running() ? "Stream running" : "Stream stopped";
    String interval = view.batchIntervalMs() > 0 ? ", batch interval " + view.batchIntervalMs() + " ms" : "";
    return state + interval + ", " + view.completedBatches() + " batches, " + view.totalRecords() + " records";
  }

  private static String caption(OutputRows output) {
    int shown = Math.min(output.rows().size(), MAX_ROWS);
    String more = output.hasMore() || output.rows().size() > MAX_ROWS ? ", first " + shown + " rows" : "";
    return output.description() + " — batch of " + clock(output.batchTime().milliseconds()) + more;
  }

  /** Pairs become columns key and value; any other row is one column, value. */
  static Table rowsTable(OutputRows output) {
    List<Object> rows = output.rows().subList(0, Math.min(output.rows().size(), MAX_ROWS));
    boolean pairs = !rows.isEmpty() && rows.stream().allMatch(row -> row instanceof Tuple2);
    if (pairs) {
      List<String> keys = new ArrayList<>();
      List<String> values = new ArrayList<>();
      for (Object row : rows) {
        Tuple2<?, ?> pair = (Tuple2<?, ?>) row;
        keys.add(String.valueOf(pair._1()));
        values.add(String.valueOf(pair._2()));
      }
      return Table.create("rows", StringColumn.create("key", keys), StringColumn.create("value", values));
    }
    List<String> values = new ArrayList<>();
    for (Object row : rows) {
      values.add(String.valueOf(row));
    }
    return Table.create("rows", StringColumn.create("value", values));
  }

  /** How many of the recent batches the table lists, newest first; the charts show more. */
  static final int HISTORY_ROWS = 5;

  /** The last {@link #HISTORY_ROWS} batches, newest first, with Spark's Streaming-tab figures. */
  static Table historyTable(LiveView.Snapshot view) {
    List<BatchInfo> recent = new ArrayList<>(view.recentBatches());
    java.util.Collections.reverse(recent);
    recent = recent.subList(0, Math.min(HISTORY_ROWS, recent.size()));
    StringColumn time = StringColumn.create("batch time");
    StringColumn records = StringColumn.create("records");
    StringColumn rate = StringColumn.create("rate records/s");
    StringColumn scheduling = StringColumn.create("scheduling delay ms");
    StringColumn processing = StringColumn.create("processing time ms");
    StringColumn total = StringColumn.create("total delay ms");
    StringColumn status = StringColumn.create("status");
    for (BatchInfo batch : recent) {
      time.append(clock(batch.batchTime().milliseconds()));
      records.append(Long.toString(batch.numRecords()));
      rate.append(view.batchIntervalMs() > 0 ? BatchCharts.number(rate(batch, view.batchIntervalMs())) : "");
      scheduling.append(millis(batch.schedulingDelay().orElse(null)));
      processing.append(millis(batch.processingDelay().orElse(null)));
      total.append(millis(batch.totalDelay().orElse(null)));
      status.append(batch.failureReason().map(r -> "failed").orElse("ok"));
    }
    return Table.create("batches", time, records, rate, scheduling, processing, total, status);
  }

  /** What each input stream read in the latest batch: name, records, and its description. */
  static Table inputsTable(LiveView.Snapshot view) {
    StringColumn stream = StringColumn.create("input stream");
    StringColumn records = StringColumn.create("records");
    StringColumn description = StringColumn.create("description");
    new java.util.TreeMap<>(view.latestBatch().streamIdToInputInfo()).forEach((id, info) -> {
      stream.append(view.inputNames().getOrDefault(id, "input stream [" + id + "]"));
      records.append(Long.toString(info.numRecords()));
      description.append(info.metadataDescription().orElse(
          info.metadata().isEmpty() ? "" : info.metadata().toString()));
    });
    return Table.create("inputs", stream, records, description);
  }

  /** Input rate of a batch as Spark's UI computes it: its records over the batch interval. */
  static double rate(BatchInfo batch, long batchIntervalMs) {
    return Math.round(batch.numRecords() * 10_000.0 / batchIntervalMs) / 10.0;
  }

  /** The four charts side by side, in a one-row table (no CSS needed). */
  static String charts(LiveView.Snapshot view) {
    List<BatchInfo> batches = view.recentBatches();
    long interval = view.batchIntervalMs();
    String rate = BatchCharts.bars("Input rate, records/s",
        bars(batches, b -> interval > 0 ? rate(b, interval) : (double) b.numRecords()), 0, "");
    String scheduling = BatchCharts.bars("Scheduling delay, ms",
        bars(batches, b -> b.schedulingDelay().orElse(0L).doubleValue()), 0, "");
    String processing = BatchCharts.bars("Processing time, ms",
        bars(batches, b -> b.processingDelay().orElse(0L).doubleValue()), interval, "batch interval " + interval + " ms");
    String total = BatchCharts.bars("Total delay, ms",
        bars(batches, b -> b.totalDelay().orElse(0L).doubleValue()), 0, "");
    return "<table><tr><td>" + rate + "</td><td>" + processing + "</td></tr>\n<tr><td>" + scheduling
        + "</td><td>" + total + "</td></tr></table>\n";
  }

  private static List<BatchCharts.Bar> bars(List<BatchInfo> batches, java.util.function.ToDoubleFunction<BatchInfo> figure) {
    return batches.stream().map(b -> new BatchCharts.Bar(figure.applyAsDouble(b), b.failureReason().isPresent())).toList();
  }

  private static String textCharts(LiveView.Snapshot view) {
    List<BatchInfo> batches = view.recentBatches();
    return "records per batch:  " + BatchCharts.sparkline(batches.stream().map(b -> (double) b.numRecords()).toList())
        + "\nprocessing time:    " + BatchCharts.sparkline(
            batches.stream().map(b -> b.processingDelay().orElse(0L).doubleValue()).toList()) + '\n';
  }

  /** "12 batches (1 failed), 360 records, average processing time 8 ms, average input rate 30 records/s". */
  static String totals(LiveView.Snapshot view) {
    long n = view.completedBatches();
    String failed = view.failedBatches() > 0 ? " (" + view.failedBatches() + " failed)" : "";
    String avgProcessing = n > 0 ? ", average processing time " + BatchCharts.number(
        Math.round(view.totalProcessingMs() * 10.0 / n) / 10.0) + " ms" : "";
    String avgRate = n > 0 && view.batchIntervalMs() > 0 ? ", average input rate " + BatchCharts.number(
        Math.round(view.totalRecords() * 10_000.0 / (n * view.batchIntervalMs())) / 10.0) + " records/s" : "";
    return "stopped after " + n + (n == 1 ? " batch" : " batches") + failed + ", " + view.totalRecords()
        + " records" + avgProcessing + avgRate + ".";
  }

  private static String millis(Long value) {
    return value == null ? "" : Long.toString(value);
  }

  private static String clock(long epochMillis) {
    return CLOCK.format(Instant.ofEpochMilli(epochMillis));
  }

  private static String toHtml(Table table) {
    StringWriter out = new StringWriter();
    try {
      new HtmlWriter().write(table, HtmlWriteOptions.builder(out).escapeText(true).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString() + "\n";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
