package dev.eddy.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DagTest {

    @Test
    void edgeToUnknownNodeIsRejected() {
        Dag.Builder b = Dag.builder().node(1, "A", null).node(2, "B", null).edge(1, 2).edge(2, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("edge 2 -> 9 refers to unknown node 9", e.getMessage());
    }

    @Test
    void clusterWithUnknownNodeIsRejected() {
        Dag.Builder b = Dag.builder().node(1, "A", null).cluster(0, "Stage 0", 1, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("cluster 0 (Stage 0) refers to unknown node 5", e.getMessage());
    }

    @Test
    void cycleIsRejectedAndNamed() {
        Dag.Builder b = Dag.builder()
                .node(1, "A", null).node(2, "B", null).node(3, "C", null).node(4, "D", null)
                .edge(4, 1).edge(1, 2).edge(2, 3).shuffle(3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("edges form a cycle: 1 -> 2 -> 3 -> 1", e.getMessage());
    }

    @Test
    void selfLoopIsACycle() {
        Dag.Builder b = Dag.builder().node(1, "A", null).edge(1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("edges form a cycle: 1 -> 1", e.getMessage());
    }

    @Test
    void duplicateIdsAndSharedNodesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dag.builder().node(1, "A", null).node(1, "B", null));
        Dag.Builder b = Dag.builder().node(1, "A", null).cluster(0, "Stage 0", 1).cluster(1, "Stage 1", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("node 1 is in two clusters: 0 and 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dag.builder().cluster(0, "Empty").build());
        assertThrows(IllegalArgumentException.class, () -> DagNode.of(1, " "));
    }

    @Test
    void repeatedEdgeIsKeptOnceButConflictingTypesAreRejected() {
        Dag dag = Dag.builder().node(1, "A", null).node(2, "B", null).edge(1, 2).edge(1, 2).build();
        assertEquals(1, dag.edges().size());
        Dag.Builder b = Dag.builder().node(1, "A", null).node(2, "B", null).edge(1, 2).shuffle(1, 2);
        assertThrows(IllegalArgumentException.class, b::build);
    }

    @Test
    void diamondIsNotACycle() {
        Dag dag = Dag.builder().node(1, "A", null).node(2, "B", null).node(3, "C", null).node(4, "D", null)
                .edge(1, 2).edge(1, 3).edge(2, 4).edge(3, 4).build();
        assertEquals(4, dag.edges().size());
    }

    @Test
    void textReadsLikeSparksDebugString() {
        String expected = """
                ShuffledRDD [3]  reduceByKey at cell 3  [Stage 1]
                 +-MapPartitionsRDD [2]  mapToPair at cell 3  [Stage 0]
                   |  MapPartitionsRDD [1]  flatMap at cell 3
                   |  ParallelCollectionRDD [0]  parallelize at cell 3
                """;
        assertEquals(expected, SampleDags.wordCount().toText());
        assertEquals(expected, SampleDags.wordCount().toString());
    }

    @Test
    void textShowsJoinsCacheSkippedStagesAndSharedParentsOnce() {
        String expected = """
                MapPartitionsRDD [9]  mapValues at cell 7  [Stage 2]
                 |  MapPartitionsRDD [8]  join at cell 6
                 |  CoGroupedRDD [7]  join at cell 6
                 |  ShuffledRDD [4]  reduceByKey at cell 4  (cached)
                 +-MapPartitionsRDD [3]  mapToPair at cell 4  [Stage 0]
                   |  MapPartitionsRDD [2]  flatMap at cell 4
                   |  MapPartitionsRDD [1]  textFile at cell 3
                   |  HadoopRDD [0]  textFile at cell 3
                 +-MapPartitionsRDD [6]  mapValues at cell 5  [Stage 1 (skipped)]
                   |  ParallelCollectionRDD [5]  parallelize at cell 5  (cached)
                """;
        assertEquals(expected, SampleDags.threeStages().toText());

        Dag diamond = Dag.builder().node(1, "A", null).node(2, "B", null).node(3, "C", null).node(4, "D", null)
                .edge(1, 2).edge(1, 3).edge(2, 4).edge(3, 4).build();
        assertEquals("""
                D
                 |  B
                 |  A
                 |  C
                 |  A  (shown above)
                """, diamond.toText());
    }

    @Test
    void shuffleParentsThatAreNotLastKeepTheBarForTheirSiblings() {
        Dag dag = Dag.builder().node(1, "A", null).node(2, "B", null).node(3, "C", null).node(4, "J", null)
                .edge(1, 2).shuffle(2, 4).shuffle(3, 4).build();
        assertEquals("""
                J
                 +-B
                 |  |  A
                 +-C
                """, dag.toText());
    }

    @Test
    void accessorsFindNodesAndClusters() {
        Dag dag = SampleDags.wordCount();
        assertEquals("ShuffledRDD [3]", dag.node(3).orElseThrow().label());
        assertEquals("Stage 1", dag.clusterOf(3).orElseThrow().label());
        assertTrue(dag.node(42).isEmpty());
        assertEquals(1, dag.parentEdges(3).size());
        assertTrue(dag.parentEdges(3).get(0).shuffle());
    }
}
