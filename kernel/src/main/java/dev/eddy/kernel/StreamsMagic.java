package dev.eddy.kernel;

import dev.eddy.streaming.ActiveContexts;
import dev.eddy.streaming.StreamingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %streams} and {@code %stop}: the streaming contexts started in this kernel, numbered in
 * start order, and stopping them (the engine context {@code sc} keeps running). Thread-safe.
 */
final class StreamsMagic {
  /** Lists the active streaming contexts: id, description, state, batch interval, batches done. */
  MimeBundle table() {
    List<StreamingContext> contexts = ActiveContexts.list();
    if (contexts.isEmpty()) {
      return MimeBundle.text("No streaming context is running.").html("<p>No streaming context is running.</p>");
    }
    HtmlTable table = new HtmlTable("id", "context", "state", "batch interval ms", "batches done");
    StringBuilder text = new StringBuilder(String.format("%-4s %-10s %-18s %s%n", "id", "state", "batch interval ms", "batches done"));
    for (int i = 0; i < contexts.size(); i++) {
      StreamingContext ssc = contexts.get(i);
      long interval = ssc.batchDuration().milliseconds();
      table.row(i + 1, ssc, ssc.getState(), interval, ssc.completedBatches());
      text.append(String.format("%-4d %-10s %-18d %d%n", i + 1, ssc.getState(), interval, ssc.completedBatches()));
    }
    return MimeBundle.text(text.toString().stripTrailing()).html(table.toHtml());
  }

  /**
   * Stops the context numbered {@code which} (as {@code %streams} shows), or all of them for
   * {@code all} or nothing; returns what was stopped.
   *
   * @throws IllegalArgumentException if {@code which} names no active context
   */
  MimeBundle stop(String which) {
    List<StreamingContext> contexts = ActiveContexts.list();
    List<StreamingContext> chosen = new ArrayList<>();
    if (which.isBlank() || which.strip().equals("all")) {
      chosen.addAll(contexts);
    } else {
      int id;
      try {
        id = Integer.parseInt(which.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a stream id from %streams or 'all', got '" + which.strip() + "'");
      }
      if (id < 1 || id > contexts.size()) {
        throw new IllegalArgumentException("no stream with id " + id + " (" + contexts.size() + " running; see %streams)");
      }
      chosen.add(contexts.get(id - 1));
    }
    for (StreamingContext ssc : chosen) {
      ssc.stop(false);
    }
    String text = chosen.isEmpty() ? "No streaming context was running." : "Stopped " + chosen.size()
        + (chosen.size() == 1 ? " streaming context." : " streaming contexts.");
    return MimeBundle.text(text);
  }
}
