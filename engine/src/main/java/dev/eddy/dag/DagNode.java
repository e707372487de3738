package dev.eddy.dag;

import java.util.Objects;

/**
 * One box of a lineage diagram: usually an RDD, such as {@code MapPartitionsRDD [3]}.
 *
 * <p>Instances are immutable and thread-safe; the {@code with...} methods return new values.
 * {@code detail} (the second line, such as {@code "map at cell 4"}) may be {@code null}.
 *
 * <pre>{@code
 * DagNode n = DagNode.of(3, "MapPartitionsRDD [3]").withDetail("map at cell 4").withCached(true);
 * }</pre>
 *
 * @param id     unique within its {@link Dag}
 * @param label  first line, never {@code null} or blank
 * @param detail second line, or {@code null}
 * @param cached whether the RDD is persisted; drawn with a green dot
 * @param kind   how the node is styled
 */
public record DagNode(int id, String label, String detail, boolean cached, Kind kind) {

    /** Styles a node by its role in the lineage. */
    public enum Kind {
        /** Reads input: a parallelized collection, a file, a received block. */
        SOURCE,
        /** A narrow transformation ({@code map}, {@code filter}, {@code flatMap}...). */
        TRANSFORM,
        /** Reads shuffled data: the first RDD of a stage after a shuffle. */
        SHUFFLE
    }

    public DagNode {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        if (label.isBlank()) {
            throw new IllegalArgumentException("node " + id + " has a blank label");
        }
    }

    /** Returns a {@link Kind#TRANSFORM} node without detail line, not cached. */
    public static DagNode of(int id, String label) {
        return new DagNode(id, label, null, false, Kind.TRANSFORM);
    }

    /** Returns a copy with the given second line ({@code null} for none). */
    public DagNode withDetail(String detail) {
        return new DagNode(id, label, detail, cached, kind);
    }

    /** Returns a copy marked as cached or not. */
    public DagNode withCached(boolean cached) {
        return new DagNode(id, label, detail, cached, kind);
    }

    /** Returns a copy of the given kind. */
    public DagNode withKind(Kind kind) {
        return new DagNode(id, label, detail, cached, kind);
    }
}
