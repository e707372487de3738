package dev.eddy.streaming.dstream.internal;

import dev.eddy.dag.Dag;
import dev.eddy.dag.DagNode;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.dstream.PairDStream;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws streams as a {@link Dag}, as Spark UI's streaming DAG: one node per DStream labelled with
 * its {@link DStream#operatorName()} and id ({@code "map [2]"}), its class as the detail, input
 * streams styled as sources, and an edge from each parent to the stream computed from it. A
 * {@link PairDStream} is a typed view, not an operation: it is drawn as the stream it views. Nodes
 * are ordered by stream id, so the same graph gives the same picture. Stateless; thread-safe.
 */
public final class DStreamDag {
  private DStreamDag() {}

  /** Returns the diagram of {@code roots} and every stream they depend on, titled {@code title}. */
  public static Dag of(String title, List<? extends DStream<?>> roots) {
    Map<Integer, DStream<?>> streams = new TreeMap<>();
    Deque<DStream<?>> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      DStream<?> s = drawn(todo.pop());
      if (streams.putIfAbsent(s.id(), s) == null) {
        todo.addAll(s.dependencies());
      }
    }
    Dag.Builder dag = Dag.builder().title(title);
    for (DStream<?> s : streams.values()) {
      DagNode node = DagNode.of(s.id(), s.operatorName() + " [" + s.id() + "]")
          .withDetail(s.getClass().getSimpleName());
      dag.node(s instanceof InputDStream<?> ? node.withKind(DagNode.Kind.SOURCE) : node);
    }
    for (DStream<?> s : streams.values()) {
      s.dependencies().stream()
          .<DStream<?>>map(DStreamDag::drawn)
          .sorted(Comparator.comparingInt(DStream::id))
          .forEach(parent -> dag.edge(parent.id(), s.id()));
    }
    return dag.build();
  }

  /**
   * Returns the RDD lineages of one batch's outputs ({@code RDD.dag()} of each) as one diagram:
   * an RDD shared by several outputs is drawn once, in the stage boxes of the first output that
   * reaches it; the stage boxes of the output at index {@code i} are labelled {@code "output i: "}.
   */
  public static Dag batch(String title, List<Dag> outputLineages) {
    Dag.Builder merged = Dag.builder().title(title);
    java.util.Set<Integer> added = new java.util.HashSet<>();
    int clusterId = 0;
    for (int i = 0; i < outputLineages.size(); i++) {
      Dag lineage = outputLineages.get(i);
      java.util.Set<Integer> fresh = new java.util.LinkedHashSet<>();
      for (dev.eddy.dag.DagNode node : lineage.nodes()) {
        if (added.add(node.id())) {
          merged.node(node);
          fresh.add(node.id());
        }
      }
      for (dev.eddy.dag.DagCluster cluster : lineage.clusters()) {
        int[] own = cluster.nodeIds().stream().filter(fresh::contains).mapToInt(Integer::intValue).toArray();
        if (own.length > 0) {
          String label = outputLineages.size() > 1 ? "output " + i + ": " + cluster.label() : cluster.label();
          merged.cluster(new dev.eddy.dag.DagCluster(clusterId++, label, cluster.status(),
              java.util.Arrays.stream(own).boxed().toList()));
        }
      }
      lineage.edges().forEach(merged::edge);
    }
    return merged.build();
  }

  /** Returns a duration as operator names show it: {@code "30 s"}, or {@code "1500 ms"} when not whole seconds. */
  public static String duration(dev.eddy.streaming.Duration d) {
    long ms = d.milliseconds();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  private static DStream<?> drawn(DStream<?> stream) {
    DStream<?> s = stream;
    while (s instanceof PairDStream<?, ?>) {
      s = s.dependencies().get(0);
    }
    return s;
  }
}
