package dev.eddy.dag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Positions of the boxes and edge routes of a {@link Dag}, in absolute SVG user units with the
 * origin at the top left.
 *
 * <p>{@link #of(Dag)} runs the layered (Sugiyama) algorithm of the Eclipse Layout Kernel, top
 * to bottom like Spark UI's DAG view: clusters are compound nodes laid out together with their
 * contents ({@code hierarchyHandling=INCLUDE_CHILDREN}), so shuffle edges are routed across
 * cluster borders; boxes are sized from estimates of their text widths; edges are orthogonal.
 * Works on a plain class path, without OSGi or the Eclipse plugin registry.
 *
 * <p>Instances are immutable and thread-safe; {@link #of(Dag)} may be called from any thread.
 */
public final class DagLayout {

    /** An axis-aligned box. */
    public record Rect(double x, double y, double width, double height) {
        public double maxX() {
            return x + width;
        }

        public double maxY() {
            return y + height;
        }

        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }

        /** Returns whether {@code other} lies inside this box (borders included). */
        public boolean contains(Rect other) {
            return other.x >= x && other.y >= y && other.maxX() <= maxX() && other.maxY() <= maxY();
        }

        /** Returns whether the interiors of the two boxes overlap. */
        public boolean overlaps(Rect other) {
            return x < other.maxX() && other.x < maxX() && y < other.maxY() && other.y < maxY();
        }

        /** Returns the distance from the point to this box; 0 inside. */
        public double distanceTo(Point p) {
            double dx = Math.max(Math.max(x - p.x(), 0), p.x() - maxX());
            double dy = Math.max(Math.max(y - p.y(), 0), p.y() - maxY());
            return Math.hypot(dx, dy);
        }
    }

    /** A point. */
    public record Point(double x, double y) {
    }

    /**
     * The route of one edge: its first point on the parent's border, its bend points, and its
     * last point on the child's border.
     */
    public record Route(DagEdge edge, List<Point> points) {
        public Route {
            Objects.requireNonNull(edge, "edge");
            points = List.copyOf(points);
        }
    }

    private static final double SPACING_NODE_NODE = 24;
    private static final double SPACING_BETWEEN_LAYERS = 30;
    private static final double SPACING_EDGE_NODE = 14;
    private static final double SPACING_EDGE_EDGE = 10;

    static {
        registerLayered();
    }

    private final Dag dag;
    private final double width;
    private final double height;
    private final Map<Integer, Rect> nodes;
    private final Map<Integer, Rect> clusters;
    private final List<Route> routes;

    private DagLayout(Dag dag, double width, double height, Map<Integer, Rect> nodes,
            Map<Integer, Rect> clusters, List<Route> routes) {
        this.dag = dag;
        this.width = width;
        this.height = height;
        this.nodes = Collections.unmodifiableMap(nodes);
        this.clusters = Collections.unmodifiableMap(clusters);
        this.routes = List.copyOf(routes);
    }

    /**
     * Makes ELK's layered algorithm known without the Eclipse plugin registry. ELK also finds it
     * through {@code java.util.ServiceLoader}, but that depends on the context class loader,
     * which JShell and the kernel change; registering explicitly works everywhere.
     */
    private static void registerLayered() {
        LayoutMetaDataService service = LayoutMetaDataService.getInstance();
        synchronized (LayoutMetaDataService.class) {
            if (service.getAlgorithmData(LayeredOptions.ALGORITHM_ID) == null) {
                service.registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
            }
        }
    }

    /** Returns the layout of {@code dag}. Takes a few milliseconds for tens of nodes once warm. */
    public static DagLayout of(Dag dag) {
        Objects.requireNonNull(dag, "dag");
        ElkNode root = ElkGraphUtil.createGraph();
        configure(root);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(Style.MARGIN));

        Map<Integer, ElkNode> clusterShapes = new LinkedHashMap<>();
        for (DagCluster c : dag.clusters()) {
            ElkNode shape = ElkGraphUtil.createNode(root);
            configure(shape);
            shape.setIdentifier("cluster" + c.id());
            shape.setProperty(CoreOptions.PADDING, new ElkPadding(Style.CLUSTER_PAD_TOP,
                    Style.CLUSTER_PAD_SIDE, Style.CLUSTER_PAD_SIDE, Style.CLUSTER_PAD_SIDE));
            shape.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
            shape.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(Style.clusterMinWidth(c), 0));
            clusterShapes.put(c.id(), shape);
        }
        Map<Integer, ElkNode> nodeShapes = new LinkedHashMap<>();
        for (DagNode n : dag.nodes()) {
            ElkNode parent = dag.clusterOf(n.id()).map(c -> clusterShapes.get(c.id())).orElse(root);
            ElkNode shape = ElkGraphUtil.createNode(parent);
            shape.setIdentifier("node" + n.id());
            shape.setDimensions(Style.nodeWidth(n), Style.nodeHeight(n));
            nodeShapes.put(n.id(), shape);
        }
        Map<ElkEdge, DagEdge> edgeShapes = new LinkedHashMap<>();
        for (DagEdge e : dag.edges()) {
            ElkEdge shape = ElkGraphUtil.createSimpleEdge(nodeShapes.get(e.from()), nodeShapes.get(e.to()));
            ElkGraphUtil.updateContainment(shape);
            edgeShapes.put(shape, e);
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<Integer, Rect> nodeRects = new LinkedHashMap<>();
        nodeShapes.forEach((id, shape) -> nodeRects.put(id, absolute(shape)));
        Map<Integer, Rect> clusterRects = new LinkedHashMap<>();
        clusterShapes.forEach((id, shape) -> clusterRects.put(id, absolute(shape)));
        List<Route> routes = new ArrayList<>();
        edgeShapes.forEach((shape, edge) -> routes.add(new Route(edge, points(shape))));
        return new DagLayout(dag, root.getWidth(), root.getHeight(), nodeRects, clusterRects, routes);
    }

    private static void configure(ElkNode graph) {
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        graph.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.RANDOM_SEED, 1);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE, SPACING_NODE_NODE);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, SPACING_BETWEEN_LAYERS);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE, SPACING_EDGE_NODE);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, SPACING_EDGE_NODE);
        graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE, SPACING_EDGE_EDGE);
        // straighter chains than the default Brandes-Koepf placement
        graph.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);
        // Not set: considerModelOrder.strategy, whose comparator throws on compound graphs in 0.11.
    }

    /** Converts a shape's position, relative to its parent, to absolute coordinates. */
    private static Rect absolute(ElkNode shape) {
        KVector offset = offsetOf(shape.getParent());
        return new Rect(shape.getX() + offset.x, shape.getY() + offset.y, shape.getWidth(), shape.getHeight());
    }

    /** Returns the absolute position of a node's top left corner; (0, 0) for the root. */
    private static KVector offsetOf(ElkNode node) {
        KVector v = new KVector();
        for (ElkNode n = node; n != null && n.getParent() != null; n = n.getParent()) {
            v.x += n.getX();
            v.y += n.getY();
        }
        return v;
    }

    /** Edge points are relative to the edge's containing node. */
    private static List<Point> points(ElkEdge edge) {
        KVector offset = offsetOf(edge.getContainingNode());
        List<Point> points = new ArrayList<>();
        for (ElkEdgeSection s : edge.getSections()) {
            points.add(new Point(s.getStartX() + offset.x, s.getStartY() + offset.y));
            for (ElkBendPoint b : s.getBendPoints()) {
                points.add(new Point(b.getX() + offset.x, b.getY() + offset.y));
            }
            points.add(new Point(s.getEndX() + offset.x, s.getEndY() + offset.y));
        }
        return points;
    }

    /** Returns the graph that was laid out. */
    public Dag dag() {
        return dag;
    }

    /** Returns the width of the drawing, margins included. */
    public double width() {
        return width;
    }

    /** Returns the height of the drawing, margins included. */
    public double height() {
        return height;
    }

    /** Returns the box of the node with the given id. */
    public Rect node(int id) {
        Rect r = nodes.get(id);
        if (r == null) {
            throw new IllegalArgumentException("unknown node " + id);
        }
        return r;
    }

    /** Returns the box of the cluster with the given id. */
    public Rect cluster(int id) {
        Rect r = clusters.get(id);
        if (r == null) {
            throw new IllegalArgumentException("unknown cluster " + id);
        }
        return r;
    }

    /** Returns the edge routes, in the order of {@link Dag#edges()}. */
    public List<Route> routes() {
        return routes;
    }
}
