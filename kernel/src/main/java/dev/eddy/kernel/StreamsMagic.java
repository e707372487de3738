package dev.eddy.kernel;

import dev.eddy.streaming.ActiveContexts;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.StreamingContextState;
import dev.eddy.streaming.Time;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %streams} and {@code %stop}: the streaming contexts started in this kernel, numbered in
 * first-start order (a restarted context keeps its number), and stopping them (the engine
 * context {@code sc} keeps running). Thread-safe.
 */
final class StreamsMagic {
  /**
   * Lists the streaming contexts started in this kernel, running or stopped (a stopped one may be
   * started again): id, context, state, batch interval, batches of its latest run, last batch time.
   */
  MimeBundle table() {
    List<StreamingContext> contexts = ActiveContexts.started();
    if (contexts.isEmpty()) {
      return MimeBundle.text("No streaming context was started.").html("<p>No streaming context was started.</p>");
    }
    HtmlTable table = new HtmlTable("id", "context", "state", "batch interval ms", "batches done", "last batch");
    StringBuilder text = new StringBuilder(String.format("%-4s %-12s %-18s %-13s %s%n",
        "id", "state", "batch interval ms", "batches done", "last batch"));
    for (int i = 0; i < contexts.size(); i++) {
      StreamingContext ssc = contexts.get(i);
      long interval = ssc.batchDuration().milliseconds();
      String last = ssc.lastCompletedBatch().map(b -> batchTime(b.batchTime())).orElse("");
      table.row(i + 1, ssc, ssc.getState(), interval, ssc.completedBatches(), last);
      text.append(String.format("%-4d %-12s %-18d %-13d %s%n", i + 1, ssc.getState(), interval, ssc.completedBatches(), last));
    }
    return MimeBundle.text(text.toString().stripTrailing()).html(table.toHtml());
  }

  /** Wall-clock batch times as local time of day; a manual clock's small times as they are. */
  static String batchTime(Time time) {
    long ms = time.milliseconds();
    return ms < 100_000_000_000L ? time.toString()
        : DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault()).format(Instant.ofEpochMilli(ms));
  }

  /**
   * Stops the context numbered {@code which} (as {@code %streams} shows), or all running ones for
   * {@code all} or nothing; returns what was stopped. A stopped context may be started again.
   *
   * @throws IllegalArgumentException if {@code which} names no context %streams lists
   */
  MimeBundle stop(String which) {
    List<StreamingContext> contexts = ActiveContexts.started();
    List<StreamingContext> chosen = new ArrayList<>();
    if (which.isBlank() || which.strip().equals("all")) {
      contexts.stream().filter(c -> c.getState() == StreamingContextState.ACTIVE).forEach(chosen::add);
    } else {
      int id;
      try {
        id = Integer.parseInt(which.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a stream id from %streams or 'all', got '" + which.strip() + "'");
      }
      if (id < 1 || id > contexts.size()) {
        throw new IllegalArgumentException("no stream with id " + id + " (" + contexts.size() + " started; see %streams)");
      }
      chosen.add(contexts.get(id - 1));
    }
    chosen.removeIf(ssc -> ssc.getState() != StreamingContextState.ACTIVE);
    for (StreamingContext ssc : chosen) {
      ssc.stop(false);
    }
    String text = chosen.isEmpty() ? "No streaming context was running." : "Stopped " + chosen.size()
        + (chosen.size() == 1 ? " streaming context." : " streaming contexts.");
    return MimeBundle.text(text);
  }
}
