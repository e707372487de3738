package dev.eddy.dag;

import java.util.Objects;

/**
 * A dependency of a lineage diagram, pointing the way data flows: from parent to child.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from id of the parent node
 * @param to   id of the child node
 * @param type narrow or shuffle
 */
public record DagEdge(int from, int to, Type type) {

    /** Tells narrow dependencies from shuffle dependencies, which are drawn dashed. */
    public enum Type {
        /** Each child partition depends on a bounded set of parent partitions; same stage. */
        NARROW,
        /** Child partitions depend on all parent partitions; crosses a stage boundary. */
        SHUFFLE
    }

    public DagEdge {
        Objects.requireNonNull(type, "type");
    }

    /** Returns whether this is a shuffle dependency. */
    public boolean shuffle() {
        return type == Type.SHUFFLE;
    }
}
