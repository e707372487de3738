package dev.eddy.dag;

import dev.eddy.dag.DagNode.Kind;

/** Lineage graphs shaped like the ones the scheduler will hand over. */
final class SampleDags {

    private SampleDags() {
    }

    /** {@code sc.parallelize(lines).flatMap(..).mapToPair(..).reduceByKey(..)}: two stages. */
    static Dag wordCount() {
        return Dag.builder()
                .title("Job 0")
                .node(DagNode.of(0, "ParallelCollectionRDD [0]").withDetail("parallelize at cell 3")
                        .withKind(Kind.SOURCE))
                .node(1, "MapPartitionsRDD [1]", "flatMap at cell 3")
                .node(2, "MapPartitionsRDD [2]", "mapToPair at cell 3")
                .node(DagNode.of(3, "ShuffledRDD [3]").withDetail("reduceByKey at cell 3").withKind(Kind.SHUFFLE))
                .cluster(0, "Stage 0", 0, 1, 2)
                .cluster(1, "Stage 1", 3)
                .edge(0, 1)
                .edge(1, 2)
                .shuffle(2, 3)
                .build();
    }

    /** Two inputs joined: two map stages shuffled into one join stage. */
    static Dag join() {
        return Dag.builder()
                .node(DagNode.of(0, "ParallelCollectionRDD [0]").withDetail("parallelize at cell 2")
                        .withKind(Kind.SOURCE))
                .node(DagNode.of(1, "ParallelCollectionRDD [1]").withDetail("parallelize at cell 2")
                        .withKind(Kind.SOURCE))
                .node(DagNode.of(2, "CoGroupedRDD [2]").withDetail("join at cell 2").withKind(Kind.SHUFFLE))
                .node(3, "MapPartitionsRDD [3]", "join at cell 2")
                .cluster(0, "Stage 0", 0)
                .cluster(1, "Stage 1", 1)
                .cluster(2, "Stage 2", 2, 3)
                .shuffle(0, 2)
                .shuffle(1, 2)
                .edge(2, 3)
                .build();
    }

    /**
     * Word counts of a text file joined with a cached lookup table, whose stage is skipped
     * because its shuffle output is still there: three stages, two of them feeding the third.
     */
    static Dag threeStages() {
        return Dag.builder()
                .title("Job 4 (batch 12:00:05)")
                .node(DagNode.of(0, "HadoopRDD [0]").withDetail("textFile at cell 3").withKind(Kind.SOURCE))
                .node(1, "MapPartitionsRDD [1]", "textFile at cell 3")
                .node(2, "MapPartitionsRDD [2]", "flatMap at cell 4")
                .node(3, "MapPartitionsRDD [3]", "mapToPair at cell 4")
                .node(DagNode.of(5, "ParallelCollectionRDD [5]").withDetail("parallelize at cell 5")
                        .withKind(Kind.SOURCE).withCached(true))
                .node(6, "MapPartitionsRDD [6]", "mapValues at cell 5")
                .node(DagNode.of(4, "ShuffledRDD [4]").withDetail("reduceByKey at cell 4")
                        .withKind(Kind.SHUFFLE).withCached(true))
                .node(DagNode.of(7, "CoGroupedRDD [7]").withDetail("join at cell 6").withKind(Kind.SHUFFLE))
                .node(8, "MapPartitionsRDD [8]", "join at cell 6")
                .node(9, "MapPartitionsRDD [9]", "mapValues at cell 7")
                .cluster(0, "Stage 0", 0, 1, 2, 3)
                .cluster(DagCluster.of(1, "Stage 1", 5, 6).withStatus(DagCluster.SKIPPED))
                .cluster(2, "Stage 2", 4, 7, 8, 9)
                .edge(0, 1)
                .edge(1, 2)
                .edge(2, 3)
                .shuffle(3, 4)
                .edge(5, 6)
                .edge(4, 7)
                .shuffle(6, 7)
                .edge(7, 8)
                .edge(8, 9)
                .build();
    }

    /**
     * A streaming job of {@code stages} stages of {@code perStage} RDDs each: every stage is a
     * chain, every other stage also reads a second input, and stages are joined by shuffles.
     */
    static Dag chainOfStages(int stages, int perStage) {
        Dag.Builder b = Dag.builder();
        int id = 0;
        int previousLast = -1;
        for (int s = 0; s < stages; s++) {
            int[] ids = new int[perStage];
            for (int i = 0; i < perStage; i++) {
                ids[i] = id;
                Kind kind = i == 0 ? (s == 0 ? Kind.SOURCE : Kind.SHUFFLE) : Kind.TRANSFORM;
                b.node(DagNode.of(id, (i == 0 && s > 0 ? "ShuffledRDD [" : "MapPartitionsRDD [") + id + "]")
                        .withDetail("op" + i + " at cell " + (s + 2)).withKind(kind).withCached(i == 2));
                if (i > 0) {
                    b.edge(id - 1, id);
                }
                id++;
            }
            if (previousLast >= 0) {
                b.shuffle(previousLast, ids[0]);
            }
            if (s % 2 == 1) {
                b.node(DagNode.of(id, "BlockRDD [" + id + "]").withDetail("input at cell 1").withKind(Kind.SOURCE));
                b.edge(id, ids[perStage / 2]);
                int[] withInput = java.util.Arrays.copyOf(ids, perStage + 1);
                withInput[perStage] = id;
                ids = withInput;
                id++;
            }
            b.cluster(s, "Stage " + s, ids);
            previousLast = ids[perStage - 1];
        }
        return b.build();
    }
}
