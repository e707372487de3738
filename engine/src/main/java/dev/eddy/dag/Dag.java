package dev.eddy.dag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable lineage graph, as drawn by Spark UI's DAG visualization: RDDs as nodes, stages
 * as clusters around them, dependencies as edges from parent to child.
 *
 * <p>Built with {@link #builder()}, which validates the graph: every edge and cluster refers to
 * known nodes, a node sits in at most one cluster, and the edges form no cycle. Nodes, clusters
 * and edges keep the order in which they were added, which the layout and the SVG follow, so the
 * same graph always gives the same picture, byte for byte.
 *
 * <pre>{@code
 * Dag dag = Dag.builder()
 *     .node(DagNode.of(0, "ParallelCollectionRDD [0]").withDetail("parallelize at cell 2")
 *                  .withKind(DagNode.Kind.SOURCE))
 *     .node(1, "MapPartitionsRDD [1]", "map at cell 2")
 *     .node(DagNode.of(2, "ShuffledRDD [2]").withDetail("reduceByKey at cell 2")
 *                  .withKind(DagNode.Kind.SHUFFLE))
 *     .cluster(0, "Stage 0", 0, 1)
 *     .cluster(1, "Stage 1", 2)
 *     .edge(0, 1)
 *     .shuffle(1, 2)
 *     .build();
 * String svg = dag.toSvg();
 * }</pre>
 *
 * <p>Instances are thread-safe.
 */
public final class Dag {

    private final String title;
    private final List<DagNode> nodes;
    private final List<DagCluster> clusters;
    private final List<DagEdge> edges;
    private final Map<Integer, DagNode> nodeById;
    private final Map<Integer, DagCluster> clusterOfNode;

    private Dag(Builder b) {
        this.title = b.title;
        this.nodes = List.copyOf(b.nodes.values());
        this.clusters = List.copyOf(b.clusters.values());
        this.nodeById = Collections.unmodifiableMap(new LinkedHashMap<>(b.nodes));
        Map<Integer, DagCluster> owner = new HashMap<>();
        for (DagCluster c : clusters) {
            if (c.nodeIds().isEmpty()) {
                throw new IllegalArgumentException("cluster " + c.id() + " (" + c.label() + ") holds no node");
            }
            for (int id : c.nodeIds()) {
                if (!nodeById.containsKey(id)) {
                    throw new IllegalArgumentException(
                            "cluster " + c.id() + " (" + c.label() + ") refers to unknown node " + id);
                }
                DagCluster before = owner.putIfAbsent(id, c);
                if (before != null) {
                    throw new IllegalArgumentException("node " + id + " is in two clusters: "
                            + before.id() + " and " + c.id());
                }
            }
        }
        this.clusterOfNode = Collections.unmodifiableMap(owner);
        Map<List<Integer>, DagEdge> unique = new LinkedHashMap<>();
        for (DagEdge e : b.edges) {
            for (int end : new int[] {e.from(), e.to()}) {
                if (!nodeById.containsKey(end)) {
                    throw new IllegalArgumentException(
                            "edge " + e.from() + " -> " + e.to() + " refers to unknown node " + end);
                }
            }
            DagEdge before = unique.putIfAbsent(List.of(e.from(), e.to()), e);
            if (before != null && before.type() != e.type()) {
                throw new IllegalArgumentException("edge " + e.from() + " -> " + e.to()
                        + " is both " + before.type() + " and " + e.type());
            }
        }
        this.edges = List.copyOf(unique.values());
        checkAcyclic();
    }

    /** Returns a new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the title used for accessibility (the SVG's {@code <title>}), never {@code null}. */
    public String title() {
        return title;
    }

    /** Returns the nodes in insertion order. */
    public List<DagNode> nodes() {
        return nodes;
    }

    /** Returns the clusters in insertion order. */
    public List<DagCluster> clusters() {
        return clusters;
    }

    /** Returns the edges in insertion order, without duplicates. */
    public List<DagEdge> edges() {
        return edges;
    }

    /** Returns the node with the given id. */
    public Optional<DagNode> node(int id) {
        return Optional.ofNullable(nodeById.get(id));
    }

    /** Returns the cluster that holds the given node, if any. */
    public Optional<DagCluster> clusterOf(int nodeId) {
        return Optional.ofNullable(clusterOfNode.get(nodeId));
    }

    /** Returns the edges into the given node, in insertion order. */
    public List<DagEdge> parentEdges(int nodeId) {
        return edges.stream().filter(e -> e.to() == nodeId).toList();
    }

    /** Lays the graph out; see {@link DagLayout#of(Dag)}. */
    public DagLayout layout() {
        return DagLayout.of(this);
    }

    /** Returns a standalone SVG document of the graph; see {@link DagSvg#render(Dag)}. */
    public String toSvg() {
        return DagSvg.render(this);
    }

    /**
     * Returns an indented text rendering in the manner of Spark's {@code RDD.toDebugString}:
     * one line per node, starting from the nodes nothing depends on and walking to their parents.
     * A narrow parent follows on a {@code " |  "} line at the same depth; a shuffle parent starts
     * a deeper block with {@code " +-"}. A line names its cluster in brackets where the cluster
     * changes, and ends with {@code "(cached)"} for cached nodes. A node reached twice is printed
     * once in full and then as {@code "(shown above)"}.
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        Set<Integer> hasChild = new HashSet<>();
        for (DagEdge e : edges) {
            hasChild.add(e.from());
        }
        Set<Integer> shown = new HashSet<>();
        for (DagNode n : nodes) {
            if (!hasChild.contains(n.id())) {
                appendText(out, n, "", "", null, shown);
            }
        }
        return out.toString();
    }

    private void appendText(StringBuilder out, DagNode n, String firstPrefix, String base,
            DagCluster parentCluster, Set<Integer> shown) {
        out.append(firstPrefix).append(n.label());
        if (n.detail() != null && !n.detail().isBlank()) {
            out.append("  ").append(n.detail());
        }
        DagCluster cluster = clusterOfNode.get(n.id());
        if (!shown.add(n.id())) {
            out.append("  (shown above)\n");
            return;
        }
        if (n.cached()) {
            out.append("  (cached)");
        }
        if (cluster != null && cluster != parentCluster) {
            out.append("  [").append(cluster.title()).append(']');
        }
        out.append('\n');
        List<DagEdge> parents = parentEdges(n.id());
        for (int i = 0; i < parents.size(); i++) {
            DagEdge e = parents.get(i);
            DagNode parent = nodeById.get(e.from());
            if (e.shuffle()) {
                boolean last = i == parents.size() - 1;
                appendText(out, parent, base + " +-", base + (last ? "  " : " | "), cluster, shown);
            } else {
                appendText(out, parent, base + " |  ", base, cluster, shown);
            }
        }
    }

    /** Returns {@link #toText()}. */
    @Override
    public String toString() {
        return toText();
    }

    private void checkAcyclic() {
        Map<Integer, List<Integer>> children = new LinkedHashMap<>();
        for (DagNode n : nodes) {
            children.put(n.id(), new ArrayList<>());
        }
        for (DagEdge e : edges) {
            children.get(e.from()).add(e.to());
        }
        // iterative DFS with colours: 1 = on the current path, 2 = done
        Map<Integer, Integer> colour = new HashMap<>();
        for (DagNode start : nodes) {
            if (colour.containsKey(start.id())) {
                continue;
            }
            Deque<int[]> stack = new ArrayDeque<>(); // {node, next child index}
            Deque<Integer> path = new ArrayDeque<>();
            stack.push(new int[] {start.id(), 0});
            path.addLast(start.id());
            colour.put(start.id(), 1);
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                List<Integer> next = children.get(top[0]);
                if (top[1] < next.size()) {
                    int child = next.get(top[1]++);
                    Integer c = colour.get(child);
                    if (c == null) {
                        colour.put(child, 1);
                        stack.push(new int[] {child, 0});
                        path.addLast(child);
                    } else if (c == 1) {
                        List<Integer> cycle = new ArrayList<>(path);
                        cycle = cycle.subList(cycle.indexOf(child), cycle.size());
                        StringBuilder msg = new StringBuilder("edges form a cycle: ");
                        for (int id : cycle) {
                            msg.append(id).append(" -> ");
                        }
                        throw new IllegalArgumentException(msg.append(child).toString());
                    }
                } else {
                    colour.put(top[0], 2);
                    stack.pop();
                    path.removeLast();
                }
            }
        }
    }

    /**
     * Collects nodes, clusters and edges for a {@link Dag}. Not thread-safe; {@link #build()}
     * may be called more than once.
     */
    public static final class Builder {
        private String title = "RDD lineage";
        private final Map<Integer, DagNode> nodes = new LinkedHashMap<>();
        private final Map<Integer, DagCluster> clusters = new LinkedHashMap<>();
        private final List<DagEdge> edges = new ArrayList<>();

        private Builder() {
        }

        /** Sets the title read by screen readers; defaults to {@code "RDD lineage"}. */
        public Builder title(String title) {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("title must not be blank");
            }
            this.title = title;
            return this;
        }

        /** Adds a node; its id must be new. */
        public Builder node(DagNode node) {
            if (nodes.putIfAbsent(node.id(), node) != null) {
                throw new IllegalArgumentException("duplicate node id " + node.id());
            }
            return this;
        }

        /** Adds a {@link DagNode.Kind#TRANSFORM} node, not cached; {@code detail} may be null. */
        public Builder node(int id, String label, String detail) {
            return node(DagNode.of(id, label).withDetail(detail));
        }

        /** Adds a cluster; its id must be new and its nodes are checked by {@link #build()}. */
        public Builder cluster(DagCluster cluster) {
            if (clusters.putIfAbsent(cluster.id(), cluster) != null) {
                throw new IllegalArgumentException("duplicate cluster id " + cluster.id());
            }
            return this;
        }

        /** Adds a cluster without status around the given nodes. */
        public Builder cluster(int id, String label, int... nodeIds) {
            return cluster(DagCluster.of(id, label, nodeIds));
        }

        /** Adds a narrow dependency from parent {@code from} to child {@code to}. */
        public Builder edge(int from, int to) {
            edges.add(new DagEdge(from, to, DagEdge.Type.NARROW));
            return this;
        }

        /** Adds a shuffle dependency from parent {@code from} to child {@code to}. */
        public Builder shuffle(int from, int to) {
            edges.add(new DagEdge(from, to, DagEdge.Type.SHUFFLE));
            return this;
        }

        /** Adds an edge. */
        public Builder edge(DagEdge edge) {
            edges.add(edge);
            return this;
        }

        /**
         * Returns the graph.
         *
         * @throws IllegalArgumentException if an edge or cluster refers to an unknown node, a node
         *     is in two clusters, a cluster is empty, two edges between the same nodes differ in
         *     type, or the edges form a cycle
         */
        public Dag build() {
            return new Dag(this);
        }
    }
}
