package dev.eddy.kernel;

import java.util.List;
import java.util.Locale;

/**
 * Small inline SVG bar charts of per-batch figures for the live view, as the Streaming tab of
 * Spark's UI draws them: one bar per batch, oldest on the left, an optional dashed reference line
 * (the batch interval on the processing-time chart). Presentation attributes only, no scripts or
 * CSS, so saved notebooks show them on GitHub and nbviewer; colours follow the DAG diagrams'.
 * Stateless; thread-safe.
 */
final class BatchCharts {
  /** How many bars a chart has room for; older batches are left out. */
  static final int SLOTS = 30;
  static final int WIDTH = 240;
  static final int HEIGHT = 64;
  private static final int TOP = 18;
  private static final int BOTTOM = 14;
  private static final String FONT = "Helvetica, Arial, DejaVu Sans, Liberation Sans, sans-serif";
  private static final String BAR = "#3aa4e0";
  private static final String FAILED_BAR = "#cf222e";
  private static final String REFERENCE = "#e29a2b";
  private static final String TEXT = "#1f2328";
  private static final String AXIS = "#8c8c8c";

  /**
   * One bar of a chart.
   *
   * @param value the figure, not negative
   * @param failed whether the batch failed (drawn red)
   */
  record Bar(double value, boolean failed) {}

  private BatchCharts() {}

  /**
   * Returns an SVG element charting {@code bars} (the last {@link #SLOTS}) under {@code title},
   * with a dashed line at {@code reference} labelled {@code referenceLabel} if reference is
   * positive; the bars' scale reaches the larger of the highest bar and the reference.
   */
  static String bars(String title, List<Bar> bars, double reference, String referenceLabel) {
    List<Bar> shown = bars.subList(Math.max(0, bars.size() - SLOTS), bars.size());
    double max = Math.max(reference, shown.stream().mapToDouble(Bar::value).max().orElse(0));
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double slot = (double) WIDTH / SLOTS;
    StringBuilder svg = new StringBuilder()
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" font-family=\"").append(FONT).append("\" font-size=\"11\">")
        .append("<title>").append(LiveViewRenderer.escape(title)).append("</title>")
        .append("<text x=\"0\" y=\"11\" fill=\"").append(TEXT).append("\">")
        .append(LiveViewRenderer.escape(title)).append(" (max ").append(number(max)).append(")</text>")
        .append("<line x1=\"0\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"").append(WIDTH)
        .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"").append(AXIS).append("\" stroke-width=\"1\"/>");
    for (int i = 0; i < shown.size(); i++) {
      Bar bar = shown.get(i);
      double h = max <= 0 ? 0 : Math.max(bar.value() > 0 ? 1 : 0, bar.value() / max * plotHeight);
      svg.append("<rect x=\"").append(number(i * slot + 1)).append("\" y=\"")
          .append(number(HEIGHT - BOTTOM - h)).append("\" width=\"").append(number(slot - 2))
          .append("\" height=\"").append(number(h)).append("\" fill=\"")
          .append(bar.failed() ? FAILED_BAR : BAR).append("\"><title>")
          .append(number(bar.value())).append("</title></rect>");
    }
    if (reference > 0) {
      double y = HEIGHT - BOTTOM - reference / max * plotHeight;
      svg.append("<line class=\"reference\" x1=\"0\" y1=\"").append(number(y)).append("\" x2=\"").append(WIDTH)
          .append("\" y2=\"").append(number(y)).append("\" stroke=\"").append(REFERENCE)
          .append("\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>")
          .append("<text x=\"").append(WIDTH).append("\" y=\"").append(HEIGHT - 2)
          .append("\" text-anchor=\"end\" fill=\"").append(REFERENCE).append("\">")
          .append(LiveViewRenderer.escape(referenceLabel)).append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  /** Returns a one-line text sparkline of {@code values} with block characters, for text/plain. */
  static String sparkline(List<Double> values) {
    String blocks = "▁▂▃▄▅▆▇█";
    List<Double> shown = values.subList(Math.max(0, values.size() - SLOTS), values.size());
    double max = shown.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (double v : shown) {
      int level = max <= 0 ? 0 : (int) Math.round(v / max * (blocks.length() - 1));
      out.append(blocks.charAt(level));
    }
    return out.toString();
  }

  static String number(double value) {
    if (value == Math.rint(value)) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
