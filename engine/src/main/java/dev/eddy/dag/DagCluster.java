package dev.eddy.dag;

import java.util.List;
import java.util.Objects;

/**
 * A box around nodes of a lineage diagram: usually a stage, such as {@code "Stage 2"}.
 *
 * <p>Immutable and thread-safe. {@code status} (such as {@code "skipped"}) may be {@code null};
 * a cluster whose status is {@code "skipped"} is drawn greyed out, as Spark's UI does.
 *
 * @param id      unique among the clusters of its {@link Dag}
 * @param label   title, never {@code null} or blank
 * @param status  shown after the title in parentheses, or {@code null}
 * @param nodeIds ids of the nodes inside, in drawing order
 */
public record DagCluster(int id, String label, String status, List<Integer> nodeIds) {

    /** The status that greys a cluster out. */
    public static final String SKIPPED = "skipped";

    public DagCluster {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("cluster " + id + " has a blank label");
        }
        nodeIds = List.copyOf(nodeIds);
    }

    /** Returns a cluster without status holding the given nodes. */
    public static DagCluster of(int id, String label, int... nodeIds) {
        return new DagCluster(id, label, null, java.util.Arrays.stream(nodeIds).boxed().toList());
    }

    /** Returns a copy with the given status ({@code null} for none). */
    public DagCluster withStatus(String status) {
        return new DagCluster(id, label, status, nodeIds);
    }

    /** Returns the title as drawn: the label, then the status in parentheses if there is one. */
    public String title() {
        return status == null || status.isBlank() ? label : label + " (" + status + ")";
    }

    /** Returns whether the status is {@link #SKIPPED}. */
    public boolean skipped() {
        return SKIPPED.equalsIgnoreCase(status);
    }
}
