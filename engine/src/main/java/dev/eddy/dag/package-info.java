/**
 * Lineage diagrams, as Spark UI's DAG visualization draws them: RDDs in stage boxes, narrow
 * dependencies as solid arrows, shuffles as dashed arrows across stage borders.
 *
 * <p>{@link dev.eddy.dag.Dag} is the immutable graph (built with {@link dev.eddy.dag.Dag#builder()}),
 * {@link dev.eddy.dag.DagLayout} places it with the Eclipse Layout Kernel's layered algorithm,
 * and {@link dev.eddy.dag.DagSvg} draws it as a self-contained SVG that notebook viewers show
 * unchanged. {@link dev.eddy.dag.Dag#toText()} gives the plain-text fallback.
 *
 * <pre>{@code
 * Dag dag = Dag.builder()
 *     .node(0, "ParallelCollectionRDD [0]", "parallelize at cell 2")
 *     .node(1, "ShuffledRDD [1]", "reduceByKey at cell 2")
 *     .cluster(0, "Stage 0", 0)
 *     .cluster(1, "Stage 1", 1)
 *     .shuffle(0, 1)
 *     .build();
 * display(dag.toSvg());   // image/svg+xml
 * }</pre>
 *
 * <p>This package knows nothing of RDDs or the scheduler; they feed it.
 */
package dev.eddy.dag;
