package dev.eddy.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.Tuple2;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.scheduler.BatchInfo;
import dev.eddy.streaming.scheduler.OutputRows;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a live view shows, as HTML and text. */
class LiveViewRendererTest {
  private static final BatchInfo BATCH = new BatchInfo(
      new Time(1_000), 3, 1_000, Optional.of(1_004L), Optional.of(1_020L), Optional.empty());

  @Test
  void pairsBecomeKeyAndValueColumns() {
    OutputRows rows = new OutputRows(new Time(1_000), 0, "print", List.of(new Tuple2<>("c", 2)), false);
    String html = html(new LiveView.Snapshot(true, 1_000, BATCH, 1, 3, Map.of(0, rows)));
    assertTrue(html.contains("<th>key</th>"), html);
    assertTrue(html.contains("<th>value</th>"), html);
    assertTrue(html.contains("<td>c</td>"), html);
    assertTrue(html.contains("<td>2</td>"), html);
    assertTrue(html.contains("batch interval 1000 ms"), html);
    assertTrue(html.contains("<td>16</td>"), "processing time: " + html);
  }

  @Test
  void otherRowsAreOneValueColumnAndAtMostTwentyRows() {
    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add("line " + i);
    }
    OutputRows rows = new OutputRows(new Time(1_000), 0, "print", many, true);
    assertEquals(20, LiveViewRenderer.rowsTable(rows).rowCount());
    assertEquals(List.of("value"), LiveViewRenderer.rowsTable(rows).columnNames());
  }

  @Test
  void htmlIsEscapedAndHasNoScriptsOrStyles() {
    OutputRows rows = new OutputRows(new Time(1_000), 0, "<b>print</b>", List.of("<script>x</script>"), false);
    String html = html(new LiveView.Snapshot(false, 0, BATCH, 1, 3, Map.of(0, rows)));
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<style"), html);
    assertFalse(html.contains("style="), html);
    assertTrue(html.contains("Stream stopped"), html);
  }

  @Test
  void plainTextShowsTheSameState() {
    DisplayData data = LiveViewRenderer.render(new LiveView.Snapshot(true, 0, null, 0, 0, Map.of()));
    String text = (String) data.getData(MIMEType.TEXT_PLAIN);
    assertTrue(text.contains("Stream running"), text);
    assertTrue(text.contains("Waiting for the first batch"), text);
  }

  private static String html(LiveView.Snapshot snapshot) {
    return (String) LiveViewRenderer.render(snapshot).getData(MIMEType.TEXT_HTML);
  }

  @Test
  void aFailedBatchStaysShownWithItsReasonRewritten() {
    BatchInfo failed = new BatchInfo(new Time(2_000), 1, 2_000, Optional.of(2_001L), Optional.of(2_002L),
        Optional.of("print failed: java.lang.IllegalStateException: <bad> (at RAW)"));
    LiveView.Snapshot view = new LiveView.Snapshot(true, 1_000, BATCH, 3, 4, Map.of(), failed, 2);
    DisplayData data = LiveViewRenderer.render(view, reason -> reason.replace("RAW", "line 3 of cell [2]"));
    String text = (String) data.getData(MIMEType.TEXT_PLAIN);
    assertTrue(text.contains("2 batches failed; the last, of "), text);
    assertTrue(text.contains("print failed: java.lang.IllegalStateException: <bad> (at line 3 of cell [2])"), text);
    String html = (String) data.getData(MIMEType.TEXT_HTML);
    assertTrue(html.contains("&lt;bad&gt; (at line 3 of cell [2])"), html);
    assertFalse(html.contains("<bad>"), html);
  }

  @Test
  void aRewriteThatFailsKeepsTheRawReason() {
    BatchInfo failed = new BatchInfo(new Time(2_000), 1, 2_000, Optional.of(2_001L), Optional.of(2_002L),
        Optional.of("boom (at RAW)"));
    LiveView.Snapshot view = new LiveView.Snapshot(false, 0, failed, 1, 1, Map.of(), failed, 1);
    String failure = LiveViewRenderer.failure(view, reason -> {
      throw new IllegalStateException("no");
    });
    assertTrue(failure.startsWith("1 batch failed; the last, of "), failure);
    assertTrue(failure.endsWith(": boom (at RAW)"), failure);
  }
}
