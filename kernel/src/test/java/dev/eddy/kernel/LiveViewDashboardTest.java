package dev.eddy.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.streaming.Time;
import dev.eddy.streaming.scheduler.BatchInfo;
import dev.eddy.streaming.scheduler.StreamInputInfo;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Streaming-tab part of the live view: history table, SVG charts, inputs, final snapshot. */
class LiveViewDashboardTest {
  private static final Pattern SVG = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL);

  /** Batch k (1-based) at k s, 10k records, submitted at its time, 2 ms waiting, 100k ms processing. */
  private static BatchInfo batch(int k, boolean failed) {
    long t = k * 1_000L;
    return new BatchInfo(new Time(t), 10L * k, t, Optional.of(t + 2), Optional.of(t + 2 + 100L * k),
        failed ? Optional.of("print failed: boom") : Optional.empty(),
        Map.of(1, new StreamInputInfo(1, 10L * k, Map.of(StreamInputInfo.METADATA_KEY_DESCRIPTION, "offsets 0 to " + k))));
  }

  private static LiveView viewOf(int batches, boolean stop) {
    LiveView view = new LiveView(null, 1_000);
    view.inputNames(Map.of(1, "queueStream [1]"));
    for (int k = 1; k <= batches; k++) {
      view.batchCompleted(batch(k, k == 2));
    }
    if (stop) {
      view.stopped();
    }
    return view;
  }

  private static String html(LiveView view) {
    return (String) LiveViewRenderer.render(view.snapshot()).getData(MIMEType.TEXT_HTML);
  }

  private static List<String> charts(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = SVG.matcher(html);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  @Test
  void fourChartsWithOneBarPerBatch() {
    List<String> charts = charts(html(viewOf(7, false)));
    assertEquals(4, charts.size());
    for (String chart : charts) {
      assertEquals(7, count(chart, "<rect"), chart);
      assertFalse(chart.contains("<script") || chart.contains("<style") || chart.contains("style="), chart);
    }
  }

  @Test
  void chartsKeepTheLastThirtyBatches() {
    List<String> charts = charts(html(viewOf(45, false)));
    assertEquals(LiveView.RECENT, count(charts.get(0), "<rect"));
    assertTrue(charts.get(0).contains("<title>450</title>"), "the newest batch: 450 records/s");
    assertFalse(charts.get(0).contains("<title>150</title>"), "batch 15 dropped");
  }

  @Test
  void processingTimeHasTheBatchIntervalAsAReferenceLine() {
    String processing = charts(html(viewOf(3, false))).stream()
        .filter(c -> c.contains("Processing time")).findFirst().orElseThrow();
    assertEquals(1, count(processing, "class=\"reference\""));
    // scale: max(300 ms, 1000 ms interval) = 1000; plot from y=18 to y=50, so 1000 ms is at y=18
    assertTrue(processing.contains("y1=\"18\""), processing);
    assertTrue(processing.contains("batch interval 1000 ms"), processing);
    assertTrue(processing.contains("height=\"9.6\""), "300 ms of 1000 on 32 px: " + processing);
    long referenceLines = charts(html(viewOf(3, false))).stream().filter(c -> c.contains("class=\"reference\"")).count();
    assertEquals(1, referenceLines, "only the processing-time chart has one");
  }

  @Test
  void aFailedBatchIsARedBar() {
    String chart = charts(html(viewOf(3, false))).get(0);
    assertEquals(1, count(chart, "#cf222e"), chart);
  }

  @Test
  void historyTableListsTheLastFiveNewestFirstWithRateAndDelays() {
    var table = LiveViewRenderer.historyTable(viewOf(7, false).snapshot());
    assertEquals(5, table.rowCount());
    assertEquals("70", table.stringColumn("records").get(0));
    assertEquals("70", table.stringColumn("rate records/s").get(0), "70 records in 1 s");
    assertEquals("2", table.stringColumn("scheduling delay ms").get(0));
    assertEquals("700", table.stringColumn("processing time ms").get(0));
    assertEquals("702", table.stringColumn("total delay ms").get(0));
    assertEquals("30", table.stringColumn("records").get(4));
  }

  @Test
  void inputStreamsOfTheLatestBatchWithTheirDescription() {
    String html = html(viewOf(3, false));
    assertTrue(html.contains("<td>queueStream [1]</td>"), html);
    assertTrue(html.contains("<td>offsets 0 to 3</td>"), html);
  }

  @Test
  void aStoppedStreamLeavesAFinalSnapshotWithTotals() {
    LiveView view = viewOf(4, true);
    String html = html(view);
    assertTrue(html.contains("Stream stopped"), html);
    assertTrue(html.contains("Final snapshot:"), html);
    // 10+20+30+40 records, processing 100+200+300+400 ms over 4 batches of 1 s
    assertTrue(html.contains("stopped after 4 batches (1 failed), 100 records, average processing time 250 ms, "
        + "average input rate 25 records/s."), html);
    assertFalse(html(viewOf(4, false)).contains("Final snapshot"));
    String text = (String) LiveViewRenderer.render(view.snapshot()).getData(MIMEType.TEXT_PLAIN);
    assertTrue(text.contains("Final snapshot: stopped after 4 batches"), text);
    assertTrue(text.contains("processing time:    ▃▅▆█"), text);
  }
}
