package dev.eddy.dag;

/**
 * Sizes, fonts and colours shared by {@link DagLayout} (which sizes boxes for their text) and
 * {@link DagSvg} (which draws that text). Text widths are estimated, not measured: the SVG is
 * drawn by the reader's browser with whatever sans-serif font it has, so the estimate errs wide.
 */
final class Style {

    static final String FONT_FAMILY = "Helvetica, Arial, DejaVu Sans, Liberation Sans, sans-serif";

    static final double LABEL_FONT = 13;
    static final double DETAIL_FONT = 11.5;
    static final double TITLE_FONT = 13;

    static final double NODE_PAD_X = 14;
    static final double NODE_MIN_WIDTH = 110;
    static final double NODE_HEIGHT_ONE_LINE = 32;
    static final double NODE_HEIGHT_TWO_LINES = 46;
    /** Room on the right of a cached node's text for the green dot. */
    static final double CACHED_DOT_ROOM = 16;

    static final double CLUSTER_PAD_TOP = 34;
    static final double CLUSTER_PAD_SIDE = 16;
    static final double CLUSTER_TITLE_X = 12;

    static final double MARGIN = 12;

    static final String BACKGROUND = "#ffffff";
    static final String TEXT = "#1f2328";
    static final String TEXT_MUTED = "#57606a";

    static final String CLUSTER_FILL = "#fff4f6";
    static final String CLUSTER_STROKE = "#f08ca0";
    static final String SKIPPED_FILL = "#f4f4f4";
    static final String SKIPPED_STROKE = "#b0b0b0";
    static final String SKIPPED_TEXT = "#8c8c8c";

    static final String NODE_FILL = "#d6efff";
    static final String NODE_STROKE = "#3aa4e0";
    static final String SOURCE_FILL = "#e9e4ff";
    static final String SOURCE_STROKE = "#8a74d8";
    static final String SHUFFLE_FILL = "#ffe9c7";
    static final String SHUFFLE_STROKE = "#e29a2b";
    static final String SKIPPED_NODE_FILL = "#ececec";

    static final String CACHED_DOT = "#2da44e";
    static final String EDGE = "#4a4a4a";
    static final String SHUFFLE_EDGE = "#d9480f";

    private Style() {
    }

    /** Returns the estimated width of {@code text} in a proportional sans-serif font. */
    static double textWidth(String text, double fontSize, boolean bold) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            em += charWidth(text.charAt(i));
        }
        return em * fontSize * (bold ? 1.08 : 1.0);
    }

    /** Widths in em, rounded up from Helvetica/Arial/DejaVu Sans, whichever is widest. */
    private static double charWidth(char c) {
        if ("iljI.,:;|!'".indexOf(c) >= 0) {
            return 0.32;
        }
        if ("ftr()[]{} -".indexOf(c) >= 0) {
            return 0.40;
        }
        if ("mwMW@%".indexOf(c) >= 0) {
            return 0.95;
        }
        if (Character.isUpperCase(c)) {
            return 0.72;
        }
        if (Character.isDigit(c)) {
            return 0.62;
        }
        return 0.60;
    }

    static double nodeWidth(DagNode n) {
        double text = textWidth(n.label(), LABEL_FONT, true);
        if (n.detail() != null) {
            text = Math.max(text, textWidth(n.detail(), DETAIL_FONT, false));
        }
        double w = text + 2 * NODE_PAD_X + (n.cached() ? CACHED_DOT_ROOM : 0);
        return Math.ceil(Math.max(NODE_MIN_WIDTH, w));
    }

    static double nodeHeight(DagNode n) {
        return n.detail() == null || n.detail().isBlank() ? NODE_HEIGHT_ONE_LINE : NODE_HEIGHT_TWO_LINES;
    }

    static double clusterMinWidth(DagCluster c) {
        return Math.ceil(textWidth(c.title(), TITLE_FONT, true) + 2 * CLUSTER_TITLE_X);
    }
}
