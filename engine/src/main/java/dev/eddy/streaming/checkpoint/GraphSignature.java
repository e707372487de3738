package dev.eddy.streaming.checkpoint;

import dev.eddy.streaming.DStreamGraph;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.streaming.dstream.internal.ForEachDStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a {@link DStreamGraph}, stored in every checkpoint so that recovery can tell
 * whether the graph rebuilt from the user's code is the one that wrote it: the streams in creation
 * order (their class, slide duration and parents by position) and the output operations in
 * registration order (their operation and the position of the stream they output).
 *
 * <p>Code is never part of it: a lambda whose body changed still matches, as Eddy rebuilds the
 * graph from the user's cells rather than deserializing functions (unlike Spark). Positions count
 * from 0 among the streams an output or input reaches, so streams defined but never used do not
 * count. Immutable.
 *
 * <pre>{@code
 * GraphSignature.of(ssc.graph()).checkCompatibleWith(checkpoint.graph());
 * }</pre>
 */
public final class GraphSignature {

  /**
   * One stream of the graph.
   *
   * @param kind the stream's class, such as {@code MappedDStream}
   * @param slideMs its slide duration in milliseconds
   * @param dependencies the positions of its parents
   */
  public record Stream(String kind, long slideMs, List<Integer> dependencies) {
    public Stream {
      dependencies = List.copyOf(dependencies);
    }

    @Override
    public String toString() {
      return kind + (dependencies.isEmpty() ? "" : " of " + dependencies) + " every " + slideMs + " ms";
    }
  }

  /**
   * One output operation of the graph.
   *
   * @param operation the user-facing name, such as {@code print} or {@code foreachRDD}
   * @param stream the position of the stream it outputs
   */
  public record Output(String operation, int stream) {
    @Override
    public String toString() {
      return operation + " of stream " + stream;
    }
  }

  private final List<Stream> streams;
  private final List<Output> outputs;

  private GraphSignature(List<Stream> streams, List<Output> outputs) {
    this.streams = List.copyOf(streams);
    this.outputs = List.copyOf(outputs);
  }

  /** Returns a signature of the given streams and outputs (as read from a checkpoint). */
  public static GraphSignature of(List<Stream> streams, List<Output> outputs) {
    for (Stream s : streams) {
      for (int d : s.dependencies()) {
        if (d < 0 || d >= streams.size()) {
          throw new IllegalArgumentException("a stream depends on stream " + d + ", which does not exist");
        }
      }
    }
    for (Output o : outputs) {
      if (o.stream() < 0 || o.stream() >= streams.size()) {
        throw new IllegalArgumentException("output '" + o.operation() + "' uses stream " + o.stream() + ", which does not exist");
      }
    }
    return new GraphSignature(streams, outputs);
  }

  /** Returns the signature of {@code graph}'s current streams and outputs. */
  public static GraphSignature of(DStreamGraph graph) {
    List<ForEachDStream<?>> outs = graph.outputStreams();
    List<DStream<?>> ordered = streamsOf(graph);
    Map<Integer, Integer> position = new LinkedHashMap<>();
    for (DStream<?> s : ordered) {
      position.put(s.id(), position.size());
    }
    List<Stream> streams = new ArrayList<>();
    for (DStream<?> s : ordered) {
      List<Integer> deps = s.dependencies().stream().map(d -> position.get(d.id())).toList();
      streams.add(new Stream(kindOf(s), s.slideDuration().milliseconds(), deps));
    }
    List<Output> outputs = new ArrayList<>();
    for (ForEachDStream<?> out : outs) {
      outputs.add(new Output(operationOf(out), position.get(out.dependencies().get(0).id())));
    }
    return new GraphSignature(streams, outputs);
  }

  /**
   * Returns the streams a signature of {@code graph} describes, in its order: those reachable from
   * an output or registered as inputs, by stream id. A stream's index here names it in a
   * checkpoint (its state blobs), since ids change when cells are run again.
   */
  public static List<DStream<?>> streamsOf(DStreamGraph graph) {
    Map<Integer, DStream<?>> reachable = new HashMap<>();
    for (ForEachDStream<?> out : graph.outputStreams()) {
      out.dependencies().forEach(d -> collect(d, reachable));
    }
    graph.inputStreams().forEach(in -> collect(in, reachable));
    List<DStream<?>> ordered = new ArrayList<>(reachable.values());
    ordered.sort(Comparator.comparingInt(DStream::id));
    return ordered;
  }

  public List<Stream> streams() {
    return streams;
  }

  public List<Output> outputs() {
    return outputs;
  }

  /**
   * Returns how this (the current graph) differs from {@code saved} (the checkpoint's), one
   * sentence per difference such as {@code "stream 3 was MappedDStream, is now FilteredDStream"};
   * empty when they match.
   */
  public List<String> differences(GraphSignature saved) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.max(streams.size(), saved.streams.size()); i++) {
      if (i >= saved.streams.size()) {
        out.add("stream " + i + " (" + streams.get(i).kind() + ") is new");
      } else if (i >= streams.size()) {
        out.add("stream " + i + " (" + saved.streams.get(i).kind() + ") is gone");
      } else {
        Stream was = saved.streams.get(i);
        Stream now = streams.get(i);
        if (!was.kind().equals(now.kind())) {
          out.add("stream " + i + " was " + was.kind() + ", is now " + now.kind());
        } else {
          if (!was.dependencies().equals(now.dependencies())) {
            out.add("stream " + i + " (" + now.kind() + ") was computed from streams " + was.dependencies()
                + ", is now from " + now.dependencies());
          }
          if (was.slideMs() != now.slideMs()) {
            out.add("stream " + i + " (" + now.kind() + ") slid every " + was.slideMs() + " ms, now every "
                + now.slideMs() + " ms");
          }
        }
      }
    }
    for (int j = 0; j < Math.max(outputs.size(), saved.outputs.size()); j++) {
      if (j >= saved.outputs.size()) {
        out.add("output " + j + " (" + outputs.get(j) + ") is new");
      } else if (j >= outputs.size()) {
        out.add("output " + j + " (" + saved.outputs.get(j) + ") is gone");
      } else if (!saved.outputs.get(j).equals(outputs.get(j))) {
        out.add("output " + j + " was " + saved.outputs.get(j) + ", is now " + outputs.get(j));
      }
    }
    return out;
  }

  /**
   * Throws if this (the current graph) differs from {@code saved} (the checkpoint's).
   *
   * @throws IncompatibleGraphException naming every difference
   */
  public void checkCompatibleWith(GraphSignature saved) {
    List<String> diffs = differences(saved);
    if (!diffs.isEmpty()) {
      throw new IncompatibleGraphException(diffs);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GraphSignature g && streams.equals(g.streams) && outputs.equals(g.outputs);
  }

  @Override
  public int hashCode() {
    return 31 * streams.hashCode() + outputs.hashCode();
  }

  /** Returns e.g. {@code "streams [0: QueueInputDStream every 1000 ms, 1: MappedDStream of [0] ...]; outputs [print of stream 1]"}. */
  @Override
  public String toString() {
    List<String> s = new ArrayList<>();
    for (int i = 0; i < streams.size(); i++) {
      s.add(i + ": " + streams.get(i));
    }
    return "streams " + s + "; outputs " + outputs;
  }

  private static void collect(DStream<?> stream, Map<Integer, DStream<?>> into) {
    if (into.putIfAbsent(stream.id(), stream) == null) {
      stream.dependencies().forEach(d -> collect(d, into));
    }
  }

  /**
   * Returns the stream's class name with the parameters its diagram name shows, such as a
   * window's length and slide ({@code "WindowedDStream(30 s, 10 s)"}), so changing them is a
   * change of shape; function bodies never show.
   */
  private static String kindOf(DStream<?> s) {
    Class<?> c = s.getClass();
    String kind = c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
    String name = s.operatorName();
    int parameters = name.indexOf('(');
    return parameters < 0 ? kind : kind + name.substring(parameters);
  }

  /** Returns the operation name that starts an output's description ("print at ..."). */
  private static String operationOf(ForEachDStream<?> out) {
    String d = out.description();
    int at = d.indexOf(" at ");
    return at < 0 ? d : d.substring(0, at);
  }
}
