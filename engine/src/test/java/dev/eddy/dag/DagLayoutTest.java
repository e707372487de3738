package dev.eddy.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.eddy.dag.DagLayout.Point;
import dev.eddy.dag.DagLayout.Rect;
import dev.eddy.dag.DagLayout.Route;

class DagLayoutTest {

    /** How far an edge's first or last point may lie from its node's border. */
    private static final double NEAR = 2.0;

    @Test
    void wordCountIsWellFormed() {
        DagLayout layout = SampleDags.wordCount().layout();
        checkWellFormed(layout);
        // narrow chain and shuffle go top to bottom, like Spark's DAG view
        assertTrue(layout.node(0).maxY() < layout.node(1).y());
        assertTrue(layout.node(1).maxY() < layout.node(2).y());
        assertTrue(layout.cluster(0).maxY() < layout.cluster(1).y(), "stage 1 below stage 0");
    }

    @Test
    void joinIsWellFormed() {
        Dag dag = SampleDags.join();
        DagLayout layout = dag.layout();
        checkWellFormed(layout);
        // both parents above the join, side by side
        Rect join = layout.node(2);
        assertTrue(layout.node(0).maxY() < join.y());
        assertTrue(layout.node(1).maxY() < join.y());
        assertFalse(layout.cluster(0).overlaps(layout.cluster(1)));
    }

    @Test
    void threeStagesAndLargeGraphsAreWellFormed() {
        checkWellFormed(SampleDags.threeStages().layout());
        checkWellFormed(SampleDags.chainOfStages(6, 8).layout());
    }

    @Test
    void nodesOutsideClustersAreLaidOutToo() {
        Dag dag = Dag.builder().node(1, "A", "a").node(2, "B", null).node(3, "C", null)
                .cluster(0, "Stage 0", 2, 3).edge(1, 2).edge(2, 3).build();
        checkWellFormed(dag.layout());
    }

    @Test
    void sameGraphGivesSameLayout() {
        DagLayout a = SampleDags.threeStages().layout();
        DagLayout b = SampleDags.threeStages().layout();
        assertEquals(a.width(), b.width());
        for (DagNode n : a.dag().nodes()) {
            assertEquals(a.node(n.id()), b.node(n.id()));
        }
        for (int i = 0; i < a.routes().size(); i++) {
            assertEquals(a.routes().get(i), b.routes().get(i));
        }
    }

    /**
     * Prints timings; asserts nothing about them, since machines differ. "cold" is the first
     * layout in this test: it includes loading ELK's classes when this test runs first.
     */
    @Test
    void printsLayoutTimesOfFiftyNodes() {
        Dag dag = SampleDags.chainOfStages(6, 8); // 48 RDDs plus 3 inputs: 51 nodes, 6 stages
        assertEquals(51, dag.nodes().size());
        long t0 = System.nanoTime();
        DagLayout first = dag.layout();
        long cold = System.nanoTime() - t0;
        t0 = System.nanoTime();
        DagSvg.render(first);
        long coldSvg = System.nanoTime() - t0;
        int warmUp = 200;
        for (int i = 0; i < warmUp; i++) {
            DagSvg.render(dag.layout());
        }
        int runs = 50;
        long[] layout = new long[runs];
        long[] svg = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            DagLayout l = dag.layout();
            layout[i] = System.nanoTime() - t;
            t = System.nanoTime();
            DagSvg.render(l);
            svg[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(layout);
        java.util.Arrays.sort(svg);
        System.out.printf(Locale.ROOT,
                "DAG layout of %d nodes, %d edges, %d clusters: cold %.1f ms (SVG %.1f ms); after %d warm-up runs: "
                        + "layout median %.2f ms, p90 %.2f ms, max %.2f ms; SVG median %.2f ms%n",
                dag.nodes().size(), dag.edges().size(), dag.clusters().size(), cold / 1e6, coldSvg / 1e6, warmUp,
                layout[runs / 2] / 1e6, layout[runs * 9 / 10] / 1e6, layout[runs - 1] / 1e6, svg[runs / 2] / 1e6);
    }

    static void checkWellFormed(DagLayout layout) {
        Dag dag = layout.dag();
        Rect drawing = new Rect(0, 0, layout.width(), layout.height());
        List<DagNode> nodes = dag.nodes();
        for (DagNode n : nodes) {
            Rect r = layout.node(n.id());
            assertTrue(r.width() > 0 && r.height() > 0, "node " + n.id() + " has a size");
            assertTrue(drawing.contains(r), "node " + n.id() + " inside the drawing");
            dag.clusterOf(n.id()).ifPresent(c -> assertTrue(layout.cluster(c.id()).contains(r),
                    "node " + n.id() + " " + r + " inside cluster " + c.id() + " " + layout.cluster(c.id())));
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                Rect a = layout.node(nodes.get(i).id());
                Rect b = layout.node(nodes.get(j).id());
                assertFalse(a.overlaps(b), "nodes " + nodes.get(i).id() + " and " + nodes.get(j).id() + " overlap");
            }
        }
        List<DagCluster> clusters = dag.clusters();
        for (int i = 0; i < clusters.size(); i++) {
            Rect a = layout.cluster(clusters.get(i).id());
            assertTrue(drawing.contains(a), "cluster inside the drawing");
            assertTrue(a.width() >= Style.clusterMinWidth(clusters.get(i)), "cluster title fits");
            for (int j = i + 1; j < clusters.size(); j++) {
                assertFalse(a.overlaps(layout.cluster(clusters.get(j).id())), "clusters overlap");
            }
        }
        assertEquals(dag.edges().size(), layout.routes().size());
        for (int i = 0; i < dag.edges().size(); i++) {
            Route route = layout.routes().get(i);
            DagEdge e = dag.edges().get(i);
            assertEquals(e, route.edge());
            List<Point> p = route.points();
            assertTrue(p.size() >= 2, "edge has a start and an end");
            Rect from = layout.node(e.from());
            Rect to = layout.node(e.to());
            Point first = p.get(0);
            Point last = p.get(p.size() - 1);
            assertTrue(from.distanceTo(first) <= NEAR, "edge " + e + " starts at its source: " + first + " " + from);
            assertTrue(to.distanceTo(last) <= NEAR, "edge " + e + " ends at its target: " + last + " " + to);
            assertTrue(first.y() <= from.maxY() + NEAR && last.y() >= to.y() - NEAR, "edge " + e + " goes down");
            for (Point q : p) {
                assertTrue(q.x() >= 0 && q.y() >= 0 && q.x() <= layout.width() && q.y() <= layout.height(),
                        "edge point inside the drawing");
            }
        }
    }
}
