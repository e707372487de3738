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
 * Renders a {@link LiveView.Snapshot} as HTML and plain text: a title line (state, batch interval,
 * batches so far), per output operation the latest batch's first rows as a table, and the latest
 * batch's timings.
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
      Table timings = timingsTable(view);
      html.append("<p>Latest batch</p>\n").append(toHtml(timings));
      text.append('\n').append(timings.printAll()).append('\n');
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

  static Table timingsTable(LiveView.Snapshot view) {
    BatchInfo batch = view.latestBatch();
    return Table.create("timings",
        StringColumn.create("batch time", clock(batch.batchTime().milliseconds())),
        StringColumn.create("records", Long.toString(batch.numRecords())),
        StringColumn.create("scheduling delay ms", millis(batch.schedulingDelay().orElse(null))),
        StringColumn.create("processing time ms", millis(batch.processingDelay().orElse(null))),
        StringColumn.create("total batches", Long.toString(view.completedBatches())),
        StringColumn.create("status", batch.failureReason().map(r -> "failed: " + r).orElse("ok")));
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
