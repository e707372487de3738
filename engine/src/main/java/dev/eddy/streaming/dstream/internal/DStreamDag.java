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

  private static DStream<?> drawn(DStream<?> stream) {
    DStream<?> s = stream;
    while (s instanceof PairDStream<?, ?>) {
      s = s.dependencies().get(0);
    }
    return s;
  }
}
