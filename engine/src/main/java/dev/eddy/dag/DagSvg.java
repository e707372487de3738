package dev.eddy.dag;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import dev.eddy.dag.DagLayout.Point;
import dev.eddy.dag.DagLayout.Rect;
import dev.eddy.dag.DagLayout.Route;

/**
 * Draws a laid-out {@link Dag} as a standalone SVG document.
 *
 * <p>The output is made to survive every place a notebook is read: JupyterLab, the classic
 * Notebook, nbviewer and GitHub. It holds no script, no {@code <style>} block, no
 * {@code style} attribute, no external reference and no {@code foreignObject}: only shapes and
 * text with presentation attributes. It has explicit {@code width}, {@code height} and
 * {@code viewBox}, an opaque background (so it reads on dark themes), a {@code <title>} and a
 * {@code <desc>} holding {@link Dag#toText()} for screen readers. Arrowheads are drawn as
 * polygons rather than markers, so several diagrams inlined in one page cannot clash on ids.
 *
 * <p>Output is deterministic: the same graph gives the same bytes. Stateless and thread-safe.
 *
 * <pre>{@code
 * String svg = DagSvg.render(dag);        // lays out, then draws
 * String same = DagSvg.render(dag.layout());
 * }</pre>
 */
public final class DagSvg {

    private static final double ARROW_LENGTH = 9;
    private static final double ARROW_HALF_WIDTH = 4.5;
    private static final double CORNER_RADIUS = 6;
    private static final double LEGEND_HEIGHT = 28;
    private static final double LEGEND_FONT = 11.5;

    private DagSvg() {
    }

    /** Lays out {@code dag} and returns its SVG document. */
    public static String render(Dag dag) {
        return render(DagLayout.of(dag));
    }

    /** Returns the SVG document of a laid-out graph. */
    public static String render(DagLayout layout) {
        Dag dag = layout.dag();
        boolean anyCached = dag.nodes().stream().anyMatch(DagNode::cached);
        boolean anyShuffle = dag.edges().stream().anyMatch(DagEdge::shuffle);
        boolean legend = anyCached || anyShuffle;
        double legendWidth = legendWidth(anyCached, anyShuffle);
        double width = Math.ceil(Math.max(layout.width(), legendWidth + 2 * Style.MARGIN));
        double height = Math.ceil(layout.height() + (legend ? LEGEND_HEIGHT : 0));

        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height))
                .append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" role=\"img\" font-family=\"").append(esc(Style.FONT_FAMILY)).append("\">\n");
        s.append("<title>").append(esc(title(dag))).append("</title>\n");
        s.append("<desc>").append(esc(dag.toText())).append("</desc>\n");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" fill=\"").append(Style.BACKGROUND).append("\"/>\n");

        for (DagCluster c : dag.clusters()) {
            cluster(s, c, layout.cluster(c.id()));
        }
        for (Route r : layout.routes()) {
            edge(s, r);
        }
        for (DagNode n : dag.nodes()) {
            boolean skipped = dag.clusterOf(n.id()).map(DagCluster::skipped).orElse(false);
            node(s, n, layout.node(n.id()), skipped);
        }
        if (legend) {
            legend(s, layout.height(), anyCached, anyShuffle);
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String title(Dag dag) {
        int n = dag.nodes().size();
        int c = dag.clusters().size();
        return dag.title() + ": " + n + (n == 1 ? " node" : " nodes")
                + (c == 0 ? "" : " in " + c + (c == 1 ? " stage" : " stages"));
    }

    private static void cluster(StringBuilder s, DagCluster c, Rect r) {
        boolean skipped = c.skipped();
        s.append("<g>\n");
        rect(s, r, 8, skipped ? Style.SKIPPED_FILL : Style.CLUSTER_FILL,
                skipped ? Style.SKIPPED_STROKE : Style.CLUSTER_STROKE, 1.2, skipped ? "5 3" : null);
        s.append("<text x=\"").append(num(r.x() + Style.CLUSTER_TITLE_X))
                .append("\" y=\"").append(num(r.y() + 21))
                .append("\" font-size=\"").append(num(Style.TITLE_FONT))
                .append("\" font-weight=\"bold\" fill=\"").append(skipped ? Style.SKIPPED_TEXT : Style.TEXT)
                .append("\">").append(esc(c.title())).append("</text>\n");
        s.append("</g>\n");
    }

    private static void node(StringBuilder s, DagNode n, Rect r, boolean skipped) {
        String fill;
        String stroke;
        switch (n.kind()) {
            case SOURCE -> {
                fill = Style.SOURCE_FILL;
                stroke = Style.SOURCE_STROKE;
            }
            case SHUFFLE -> {
                fill = Style.SHUFFLE_FILL;
                stroke = Style.SHUFFLE_STROKE;
            }
            default -> {
                fill = Style.NODE_FILL;
                stroke = Style.NODE_STROKE;
            }
        }
        if (skipped) {
            fill = Style.SKIPPED_NODE_FILL;
            stroke = Style.SKIPPED_STROKE;
        }
        s.append("<g>\n");
        rect(s, r, 6, fill, stroke, 1.2, null);
        double cx = r.centerX() - (n.cached() ? Style.CACHED_DOT_ROOM / 2 : 0);
        boolean twoLines = n.detail() != null && !n.detail().isBlank();
        double labelY = twoLines ? r.y() + 19 : r.centerY() + 4.5;
        text(s, cx, labelY, Style.LABEL_FONT, true, skipped ? Style.SKIPPED_TEXT : Style.TEXT, n.label());
        if (twoLines) {
            text(s, cx, r.y() + 36, Style.DETAIL_FONT, false,
                    skipped ? Style.SKIPPED_TEXT : Style.TEXT_MUTED, n.detail());
        }
        if (n.cached()) {
            s.append("<circle cx=\"").append(num(r.maxX() - 12)).append("\" cy=\"").append(num(r.centerY()))
                    .append("\" r=\"5\" fill=\"").append(Style.CACHED_DOT)
                    .append("\"><title>cached</title></circle>\n");
        }
        s.append("</g>\n");
    }

    private static void edge(StringBuilder s, Route route) {
        List<Point> p = route.points();
        if (p.size() < 2) {
            return;
        }
        boolean shuffle = route.edge().shuffle();
        String colour = shuffle ? Style.SHUFFLE_EDGE : Style.EDGE;
        Point tip = p.get(p.size() - 1);
        Point prev = p.get(p.size() - 2);
        double len = Math.hypot(tip.x() - prev.x(), tip.y() - prev.y());
        double ux = len == 0 ? 0 : (tip.x() - prev.x()) / len;
        double uy = len == 0 ? 1 : (tip.y() - prev.y()) / len;
        double cut = Math.min(ARROW_LENGTH, len);
        Point end = new Point(tip.x() - ux * cut, tip.y() - uy * cut);

        StringBuilder d = new StringBuilder();
        d.append('M').append(num(p.get(0).x())).append(' ').append(num(p.get(0).y()));
        for (int i = 1; i < p.size() - 1; i++) {
            Point a = p.get(i - 1);
            Point b = p.get(i);
            Point c = i + 1 == p.size() - 1 ? end : p.get(i + 1);
            double r = Math.min(CORNER_RADIUS, Math.min(dist(a, b), dist(b, c)) / 2);
            Point in = toward(b, a, r);
            Point out = toward(b, c, r);
            d.append(" L").append(num(in.x())).append(' ').append(num(in.y()));
            d.append(" Q").append(num(b.x())).append(' ').append(num(b.y()))
                    .append(' ').append(num(out.x())).append(' ').append(num(out.y()));
        }
        d.append(" L").append(num(end.x())).append(' ').append(num(end.y()));

        s.append("<g>\n<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"1.4\"");
        if (shuffle) {
            s.append(" stroke-dasharray=\"6 4\"");
        }
        s.append("/>\n");
        double bx = tip.x() - ux * ARROW_LENGTH;
        double by = tip.y() - uy * ARROW_LENGTH;
        s.append("<polygon points=\"")
                .append(num(tip.x())).append(',').append(num(tip.y())).append(' ')
                .append(num(bx - uy * ARROW_HALF_WIDTH)).append(',').append(num(by + ux * ARROW_HALF_WIDTH)).append(' ')
                .append(num(bx + uy * ARROW_HALF_WIDTH)).append(',').append(num(by - ux * ARROW_HALF_WIDTH))
                .append("\" fill=\"").append(colour).append("\"/>\n</g>\n");
    }

    private static double legendWidth(boolean cached, boolean shuffle) {
        double w = 0;
        if (cached) {
            w += 16 + Style.textWidth("cached", LEGEND_FONT, false) + 24;
        }
        if (shuffle) {
            w += 34 + Style.textWidth("shuffle dependency", LEGEND_FONT, false);
        }
        return w;
    }

    private static void legend(StringBuilder s, double top, boolean cached, boolean shuffle) {
        double x = Style.MARGIN;
        double y = top + 10;
        s.append("<g>\n");
        if (cached) {
            s.append("<circle cx=\"").append(num(x + 5)).append("\" cy=\"").append(num(y))
                    .append("\" r=\"5\" fill=\"").append(Style.CACHED_DOT).append("\"/>\n");
            s.append("<text x=\"").append(num(x + 16)).append("\" y=\"").append(num(y + 4))
                    .append("\" font-size=\"").append(num(LEGEND_FONT)).append("\" fill=\"")
                    .append(Style.TEXT_MUTED).append("\">cached</text>\n");
            x += 16 + Style.textWidth("cached", LEGEND_FONT, false) + 24;
        }
        if (shuffle) {
            s.append("<path d=\"M").append(num(x)).append(' ').append(num(y)).append(" L").append(num(x + 26))
                    .append(' ').append(num(y)).append("\" fill=\"none\" stroke=\"").append(Style.SHUFFLE_EDGE)
                    .append("\" stroke-width=\"1.4\" stroke-dasharray=\"6 4\"/>\n");
            s.append("<text x=\"").append(num(x + 34)).append("\" y=\"").append(num(y + 4))
                    .append("\" font-size=\"").append(num(LEGEND_FONT)).append("\" fill=\"")
                    .append(Style.TEXT_MUTED).append("\">shuffle dependency</text>\n");
        }
        s.append("</g>\n");
    }

    private static void rect(StringBuilder s, Rect r, double radius, String fill, String stroke,
            double strokeWidth, String dash) {
        s.append("<rect x=\"").append(num(r.x())).append("\" y=\"").append(num(r.y()))
                .append("\" width=\"").append(num(r.width())).append("\" height=\"").append(num(r.height()))
                .append("\" rx=\"").append(num(radius)).append("\" fill=\"").append(fill)
                .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(num(strokeWidth)).append('"');
        if (dash != null) {
            s.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        s.append("/>\n");
    }

    private static void text(StringBuilder s, double x, double y, double size, boolean bold, String fill,
            String text) {
        s.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" text-anchor=\"middle\" font-size=\"").append(num(size)).append('"');
        if (bold) {
            s.append(" font-weight=\"bold\"");
        }
        s.append(" fill=\"").append(fill).append("\">").append(esc(text)).append("</text>\n");
    }

    private static double dist(Point a, Point b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    /** Returns the point at distance {@code r} from {@code from} towards {@code to}. */
    private static Point toward(Point from, Point to, double r) {
        double len = dist(from, to);
        if (len == 0) {
            return from;
        }
        return new Point(from.x() + (to.x() - from.x()) * r / len, from.y() + (to.y() - from.y()) * r / len);
    }

    /** Formats a coordinate with at most one decimal, locale-independent, without "-0". */
    static String num(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.toPlainString();
    }

    /** Escapes text for XML content and attribute values. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // characters XML 1.0 forbids are dropped rather than emitted
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
