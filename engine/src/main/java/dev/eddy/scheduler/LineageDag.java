package dev.eddy.scheduler;

import dev.eddy.dag.Dag;
import dev.eddy.dag.DagCluster;
import dev.eddy.dag.DagEdge;
import dev.eddy.dag.DagNode;
import dev.eddy.rdd.Dependency;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.RDD;
import dev.eddy.rdd.ShuffleDependency;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Draws an RDD's lineage as a {@link Dag}, cut into stages exactly as the {@link DAGScheduler}
 * would cut a job on it (the same {@link StageBuilder}), and writes the matching
 * {@code toDebugString}. Engine machinery behind {@code RDD.dag()} and {@code RDD.toDebugString()}.
 *
 * <p>One node per RDD (a pair view and the RDD it shows are one node), labelled as Spark's UI
 * ({@code "MapPartitionsRDD [3]"}, or the RDD's name instead of its class when it has one) with
 * the operation that made it as detail ({@code "map"}). One cluster per stage, titled
 * {@code "Stage N"}: stage ids are given when a job runs, so the diagram numbers its stages itself,
 * parents first from 0, as the scheduler numbers the first job of a new context. An RDD that two
 * stages compute sits in the first stage that runs. Narrow dependencies are narrow edges inside
 * stages, shuffles are shuffle edges between them. Stateless and thread-safe.
 */
public final class LineageDag {
  private LineageDag() {}

  /** Returns the lineage of {@code rdd}; {@code cached} tells which RDDs to mark as cached. */
  public static Dag of(RDD<?> rdd, Predicate<RDD<?>> cached) {
    Lineage lineage = Lineage.of(rdd);
    Dag.Builder dag = Dag.builder().title("Lineage of " + describe(lineage.root));
    for (Map.Entry<Integer, RDD<?>> e : lineage.byId.entrySet()) {
      RDD<?> r = e.getValue();
      boolean isCached = lineage.views.get(e.getKey()).stream().anyMatch(cached);
      dag.node(new DagNode(r.id(), label(r), r.creationSite(), isCached, kind(r)));
    }
    ResultStage result = new StageBuilder(counter()).resultStage(rdd, List.of());
    List<Stage> stages = new ArrayList<>(StageBuilder.mapStagesInRunOrder(result));
    stages.add(result);
    Set<Integer> placed = new HashSet<>();
    for (Stage stage : stages) {
      List<Integer> ids = new ArrayList<>();
      for (RDD<?> r : StageBuilder.narrowAncestry(stage.rdd())) {
        if (placed.add(r.id())) {
          ids.add(r.id());
        }
      }
      if (!ids.isEmpty()) {
        dag.cluster(new DagCluster(stage.id(), "Stage " + stage.id(), null, ids));
      }
    }
    for (RDD<?> r : lineage.byId.values()) {
      for (Dependency<?> dep : r.dependencies()) {
        dag.edge(new DagEdge(dep.rdd().id(), r.id(),
            dep instanceof ShuffleDependency<?, ?, ?> ? DagEdge.Type.SHUFFLE : DagEdge.Type.NARROW));
      }
    }
    return dag.build();
  }

  /**
   * Returns Spark's {@code toDebugString} of {@code rdd}: one line per RDD,
   * {@code "(partitions) RDD description"}, laid out line for line as {@link Dag#toText()} lays
   * out {@link #of} (narrow parents on {@code " |  "} lines, shuffle parents in deeper
   * {@code " +-"} blocks, an RDD reached twice shown once then marked {@code "(shown above)"}).
   */
  public static String debugString(RDD<?> rdd, Predicate<RDD<?>> cached) {
    Dag dag = of(rdd, cached);
    Map<Integer, RDD<?>> byId = Lineage.of(rdd).byId;
    StringBuilder out = new StringBuilder();
    Set<Integer> hasChild = new HashSet<>();
    dag.edges().forEach(e -> hasChild.add(e.from()));
    Set<Integer> shown = new HashSet<>();
    for (DagNode n : dag.nodes()) {
      if (!hasChild.contains(n.id())) {
        appendDebug(dag, byId, n, "", "", shown, out);
      }
    }
    return out.toString().stripTrailing();
  }

  /** Mirrors {@code Dag.toText}'s walk; only the text after the prefix differs. */
  private static void appendDebug(Dag dag, Map<Integer, RDD<?>> byId, DagNode n, String firstPrefix, String base,
      Set<Integer> shown, StringBuilder out) {
    RDD<?> r = byId.get(n.id());
    out.append(firstPrefix).append('(').append(r.getNumPartitions()).append(") ").append(describe(r));
    if (!shown.add(n.id())) {
      out.append("  (shown above)\n");
      return;
    }
    if (n.cached()) {
      out.append("  (cached)");
    }
    out.append('\n');
    List<DagEdge> parents = dag.parentEdges(n.id());
    for (int i = 0; i < parents.size(); i++) {
      DagEdge e = parents.get(i);
      DagNode parent = dag.node(e.from()).orElseThrow();
      if (e.shuffle()) {
        boolean last = i == parents.size() - 1;
        appendDebug(dag, byId, parent, base + " +-", base + (last ? "  " : " | "), shown, out);
      } else {
        appendDebug(dag, byId, parent, base + " |  ", base, shown, out);
      }
    }
  }

  private static java.util.function.IntSupplier counter() {
    int[] next = {0};
    return () -> next[0]++;
  }

  private static String label(RDD<?> r) {
    String name = r.name();
    return (name == null ? r.getClass().getSimpleName() : name) + " [" + r.id() + "]";
  }

  /** Returns the RDD's own description, {@code "ShuffledRDD[4] at reduceByKey"}, never a view's. */
  private static String describe(RDD<?> r) {
    return r.toString();
  }

  private static DagNode.Kind kind(RDD<?> r) {
    if (r.dependencies().isEmpty()) {
      return DagNode.Kind.SOURCE;
    }
    return r.dependencies().stream().anyMatch(d -> d instanceof ShuffleDependency<?, ?, ?>)
        ? DagNode.Kind.SHUFFLE
        : DagNode.Kind.TRANSFORM;
  }

  /** Every RDD of a lineage by id, pair views resolved to the RDD they show. */
  private record Lineage(RDD<?> root, Map<Integer, RDD<?>> byId, Map<Integer, List<RDD<?>>> views) {
    static Lineage of(RDD<?> rdd) {
      Map<Integer, RDD<?>> byId = new TreeMap<>();
      Map<Integer, List<RDD<?>>> views = new LinkedHashMap<>();
      Deque<RDD<?>> toVisit = new ArrayDeque<>();
      toVisit.push(rdd);
      while (!toVisit.isEmpty()) {
        RDD<?> current = toVisit.pop();
        List<RDD<?>> seen = views.computeIfAbsent(current.id(), id -> new ArrayList<>());
        if (seen.contains(current)) {
          continue;
        }
        seen.add(current);
        RDD<?> shown = unwrap(current);
        if (shown != current) {
          toVisit.push(shown);
        }
        if (!byId.containsKey(current.id()) || byId.get(current.id()) instanceof PairRDD<?, ?>) {
          byId.put(current.id(), shown);
        }
        for (Dependency<?> dep : current.dependencies()) {
          toVisit.push(dep.rdd());
        }
      }
      return new Lineage(unwrap(rdd), byId, views);
    }

    private static RDD<?> unwrap(RDD<?> r) {
      RDD<?> shown = r;
      while (shown instanceof PairRDD<?, ?> pair) {
        shown = pair.rdd();
      }
      return shown;
    }
  }
}
