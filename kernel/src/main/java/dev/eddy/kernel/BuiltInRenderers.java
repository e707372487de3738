package dev.eddy.kernel;

import dev.eddy.api.Tuple2;
import dev.eddy.dag.Dag;
import dev.eddy.streaming.scheduler.BatchInfo;
import dev.eddy.rdd.RDD;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

/**
 * The renderers the kernel starts with: engine objects (RDDs as their first rows, lineage
 * diagrams as SVG), Tablesaw tables, maps, collections and arrays as HTML tables, images as PNG,
 * streaming {@link BatchInfo}s, and the {@link Html}, {@link Markdown} and {@link Svg} wrappers.
 *
 * <p>Tables show at most {@link #MAX_ROWS} rows and say when there are more. Plain text stays
 * each value's {@code toString()}.
 */
final class BuiltInRenderers {
  static final int MAX_ROWS = 20;

  private BuiltInRenderers() {}

  static void registerAll() {
    Renderers.register(MimeBundle.class, bundle -> bundle);
    Renderers.register(Html.class, h -> MimeBundle.text(h.source()).html(h.source()));
    Renderers.register(Markdown.class, m -> MimeBundle.text(m.source()).markdown(m.source()));
    Renderers.register(Svg.class, s -> MimeBundle.text("SVG image").svg(s.source()));
    Renderers.register(RDD.class, BuiltInRenderers::rdd);
    Renderers.register(Dag.class, dag -> MimeBundle.text(dag.toText()).svg(dag.toSvg()));
    Renderers.register(BatchInfo.class, BuiltInRenderers::batchInfo);
    Renderers.register(Table.class, BuiltInRenderers::table);
    Renderers.register(Map.class, BuiltInRenderers::map);
    Renderers.register(Collection.class, BuiltInRenderers::collection);
    registerArrays();
    Renderers.register(BufferedImage.class, BuiltInRenderers::image);
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // receives primitive arrays too, as Object
  private static void registerArrays() {
    Renderer<Object> arrays = BuiltInRenderers::array;
    Renderers.register(Object[].class, (Renderer) arrays);
  }

  /**
   * A batch ({@code ssc.step()}'s value) as one line: its time, records, delays and outcome; the
   * same figures as a one-row table.
   */
  static MimeBundle batchInfo(BatchInfo batch) {
    String processing = batch.processingDelay().map(ms -> ms + " ms").orElse("not finished");
    String outcome = batch.failureReason().map(r -> "failed: " + r).orElse(batch.succeeded() ? "ok" : "running");
    String text = "Batch of " + batch.batchTime() + ": " + batch.numRecords() + " records, scheduling delay "
        + batch.schedulingDelay().map(ms -> ms + " ms").orElse("-") + ", processing time " + processing + ", " + outcome;
    HtmlTable table = new HtmlTable("batch time", "records", "scheduling delay ms", "processing time ms", "status");
    table.row(batch.batchTime(), batch.numRecords(), batch.schedulingDelay().map(String::valueOf).orElse(""),
        batch.processingDelay().map(String::valueOf).orElse(""), outcome);
    return MimeBundle.text(text).html(table.toHtml());
  }

  /** The RDD's description as text; its first rows (a job runs) as an HTML table. */
  static MimeBundle rdd(RDD<?> rdd) {
    List<?> rows = rdd.take(MAX_ROWS + 1);
    String title = "<p>" + LiveViewRenderer.escape(rdd.toString()) + "</p>\n";
    return MimeBundle.text(rdd.toString()).html("<div>\n" + title + rowsTable(rows.iterator(), rows.size() > MAX_ROWS) + "</div>");
  }

  static MimeBundle map(Map<?, ?> map) {
    HtmlTable table = new HtmlTable("key", "value");
    int shown = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (shown++ == MAX_ROWS) {
        break;
      }
      table.row(entry.getKey(), entry.getValue());
    }
    return MimeBundle.text(String.valueOf(map)).html(table.toHtml() + more(map.size() > MAX_ROWS, map.size()));
  }

  static MimeBundle collection(Collection<?> values) {
    return MimeBundle.text(String.valueOf(values)).html(rowsTable(values.iterator(), values.size() > MAX_ROWS));
  }

  static MimeBundle array(Object array) {
    int length = Array.getLength(array);
    List<Object> values = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      values.add(Array.get(array, i));
    }
    String text = array instanceof Object[] objects ? java.util.Arrays.deepToString(objects) : values.toString();
    return MimeBundle.text(text).html(rowsTable(values.iterator(), length > MAX_ROWS));
  }

  /** At most {@link #MAX_ROWS} rows; pairs as key and value columns, anything else as one. */
  private static String rowsTable(Iterator<?> rows, boolean more) {
    List<Object> shown = new ArrayList<>();
    while (rows.hasNext() && shown.size() < MAX_ROWS) {
      shown.add(rows.next());
    }
    boolean pairs = !shown.isEmpty() && shown.stream().allMatch(row -> row instanceof Tuple2);
    HtmlTable table = pairs ? new HtmlTable("key", "value") : new HtmlTable("value");
    for (Object row : shown) {
      if (pairs) {
        Tuple2<?, ?> pair = (Tuple2<?, ?>) row;
        table.row(pair._1(), pair._2());
      } else {
        table.row(row);
      }
    }
    return table.toHtml() + (more ? "\n<p>First " + MAX_ROWS + " rows shown; more rows not shown.</p>" : "");
  }

  private static String more(boolean more, int size) {
    return more ? "\n<p>First " + MAX_ROWS + " of " + size + " rows shown.</p>" : "";
  }

  static MimeBundle table(Table table) {
    boolean more = table.rowCount() > MAX_ROWS;
    Table shown = more ? table.first(MAX_ROWS) : table;
    StringWriter out = new StringWriter();
    try {
      new HtmlWriter().write(shown, HtmlWriteOptions.builder(out).escapeText(true).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return MimeBundle.text(table.print()).html(out + more(more, table.rowCount()));
  }

  static MimeBundle image(BufferedImage image) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", png)) {
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return MimeBundle.text("image " + image.getWidth() + "x" + image.getHeight()).png(png.toByteArray());
  }
}
