package dev.eddy.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain HTML table (no scripts, styles or style attributes) with escaped cells, for renderers.
 * Not thread-safe.
 */
final class HtmlTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  HtmlTable(String... header) {
    this.header = List.of(header);
  }

  HtmlTable row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  String toHtml() {
    StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
    for (String name : header) {
      html.append("<th>").append(LiveViewRenderer.escape(name)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      for (String cell : row) {
        html.append("<td>").append(LiveViewRenderer.escape(cell)).append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table>").toString();
  }
}
