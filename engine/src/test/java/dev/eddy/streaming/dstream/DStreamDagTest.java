package dev.eddy.streaming.dstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import dev.eddy.dag.Dag;
import dev.eddy.dag.DagNode;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The DStream graph drawn as a {@link Dag}. */
class DStreamDagTest {
  private final EddyContext sc = new EddyContext("local[2]", "dstream-dag-test");
  private final StreamingContext ssc = StreamingContext.manual(sc, Durations.seconds(1));

  @AfterEach
  void stop() {
    ssc.stop();
    sc.stop();
  }

  @Test
  void theGraphShowsOneBoxPerStreamWithItsOperation() {
    DStream<String> lines = ssc.textGeneratorStream(3);
    PairDStream<String, Integer> counts = lines
        .flatMap(l -> Arrays.asList(l.split(" ")).iterator())
        .filter(w -> !w.isEmpty())
        .mapToPair(w -> new Tuple2<>(w, 1))
        .reduceByKey(Integer::sum);
    counts.print();
    lines.count().foreachRDD(rdd -> {});

    Dag dag = ssc.dag();
    String expected = String.join("\n",
        "print [8]  ForEachDStream",
        " |  reduceByKey [6]  ShuffledDStream",
        " |  mapToPair [4]  MappedDStream",
        " |  filter [3]  FilteredDStream",
        " |  flatMap [2]  FlatMappedDStream",
        " |  textGeneratorStream [1]  TextGeneratorInputDStream",
        "foreachRDD [10]  ForEachDStream",
        " |  count [9]  CountDStream",
        " |  textGeneratorStream [1]  TextGeneratorInputDStream  (shown above)",
        "");
    assertEquals(expected, dag.toText());
    assertEquals(DagNode.Kind.SOURCE, dag.node(1).orElseThrow().kind());
    assertEquals(DagNode.Kind.TRANSFORM, dag.node(2).orElseThrow().kind());
    assertEquals("DStream graph", dag.title());
    assertTrue(dag.toSvg().contains("reduceByKey [6]"));
  }

  @Test
  void aStreamsDagIsItsLineageOnly() {
    DStream<Integer> queued = ssc.queueStream(new ArrayDeque<RDD<Integer>>());
    DStream<Integer> doubled = queued.map(x -> x * 2);
    queued.count().print();
    assertEquals("map [2]  MappedDStream\n |  queueStream [1]  QueueInputDStream\n", doubled.dag().toText());
  }

  @Test
  void operatorNamesDeriveFromClassNames() {
    DStream<Integer> queued = ssc.queueStream(new ArrayDeque<RDD<Integer>>());
    assertEquals("queueStream", queued.operatorName());
    assertEquals("map", queued.map(x -> x).operatorName());
    assertEquals("count", queued.count().operatorName());
  }

  @Test
  void boxesReadLikeTheApiCallsThatMadeThem() {
    DStream<String> lines = ssc.textGeneratorStream(3);
    DStream<String> words = lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator());
    PairDStream<String, Integer> ones = words.mapToPair(w -> new Tuple2<>(w, 1));
    ones.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, Durations.seconds(30), Durations.seconds(10)).print();
    ones.updateStateByKey((java.util.List<Integer> v, java.util.Optional<Integer> s) -> java.util.Optional.of(v.size()))
        .join(ones.window(Durations.seconds(30)).reduceByKey(Integer::sum)
            .cogroup(ones.groupByKey()).mapValues(t -> 1))
        .print();
    dev.eddy.streaming.MapWithStateDStream<String, Integer, Integer, Integer> running = ones.mapWithState(
        dev.eddy.streaming.StateSpec.function((String w, java.util.Optional<Integer> one,
            dev.eddy.streaming.State<Integer> state) -> one.orElse(0)));
    running.union(running.stateSnapshots().map(kv -> kv._2())).print();
    words.countByValue().flatMapValues(n -> java.util.List.of(n).iterator()).print();
    words.repartition(4).glom().mapPartitions(it -> it).transform(rdd -> rdd).count().print();
    String expected = String.join("\n",
        "print [8]  ForEachDStream",
        " |  reduceByKeyAndWindow(30 s, 10 s) [5]  ReducedWindowedDStream",
        " |  reduceByKey [6]  ShuffledDStream",
        " |  mapToPair [3]  MappedDStream",
        " |  flatMap [2]  FlatMappedDStream",
        " |  textGeneratorStream [1]  TextGeneratorInputDStream",
        "print [23]  ForEachDStream",
        " |  join [21]  TransformedDStream",
        " |  updateStateByKey [9]  StateDStream",
        " |  mapToPair [3]  MappedDStream  (shown above)",
        " |  mapValues [19]  MapValuedDStream",
        " |  cogroup [17]  TransformedDStream",
        " |  reduceByKey [13]  ShuffledDStream",
        " |  window(30 s, 1 s) [11]  WindowedDStream",
        " |  mapToPair [3]  MappedDStream  (shown above)",
        " |  groupByKey [15]  TransformedDStream",
        " |  mapToPair [3]  MappedDStream  (shown above)",
        "print [30]  ForEachDStream",
        " |  union [29]  UnionDStream",
        " |  mapWithState [24]  MapWithStateDStream",
        " |  state (mapWithState) [25]  InternalMapWithStateDStream",
        " |  mapToPair [3]  MappedDStream  (shown above)",
        " |  map [28]  MappedDStream",
        " |  stateSnapshots [26]  FlatMappedDStream",
        " |  state (mapWithState) [25]  InternalMapWithStateDStream  (shown above)",
        "print [35]  ForEachDStream",
        " |  flatMapValues [33]  FlatMapValuedDStream",
        " |  countByValue [31]  TransformedDStream",
        " |  flatMap [2]  FlatMappedDStream  (shown above)",
        "print [41]  ForEachDStream",
        " |  count [40]  CountDStream",
        " |  transform [39]  TransformedDStream",
        " |  mapPartitions [38]  MapPartitionedDStream",
        " |  glom [37]  GlommedDStream",
        " |  repartition(4) [36]  TransformedDStream",
        " |  flatMap [2]  FlatMappedDStream  (shown above)",
        "");
    assertEquals(expected, ssc.dag().toText());
  }

  @Test
  void eachBatchKeepsTheRddLineageItRan() {
    java.util.List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    ssc.textGeneratorStream(3)
        .mapToPair(l -> new Tuple2<>(l.length(), 1))
        .reduceByKey(Integer::sum)
        .foreachRDD(rdd -> ran.add(rdd.dag().toText()));
    ssc.start();
    ssc.step();
    assertEquals(ran.get(0), ssc.lastBatchDag().toText());
    assertEquals(ran.get(0), ssc.batchDag(new dev.eddy.streaming.Time(1000)).toText());
    assertTrue(ran.get(0).contains("ShuffledRDD"), ran.get(0));
    ssc.runBatches(5);
    assertEquals(ran.get(5), ssc.lastBatchDag().toText());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ssc.batchDag(new dev.eddy.streaming.Time(1000)), "only the last five are kept");
    ssc.batchDag(new dev.eddy.streaming.Time(2000));
  }

  @Test
  void aBatchWithTwoOutputsDrawsSharedRddsOnce() {
    DStream<String> lines = ssc.textGeneratorStream(2);
    lines.count().foreachRDD(rdd -> {});
    lines.map(String::length).foreachRDD(rdd -> {});
    ssc.start();
    ssc.step();
    Dag dag = ssc.lastBatchDag();
    var shared = dag.nodes().stream()
        .filter(n -> dag.edges().stream().filter(e -> e.from() == n.id()).count() == 2)
        .toList();
    assertEquals(1, shared.size(), dag.toText());
    assertTrue(shared.get(0).label().startsWith("ParallelCollectionRDD"), dag.toText());
    assertTrue(dag.clusters().stream().allMatch(c -> c.label().startsWith("output ")), dag.clusters().toString());
  }
}
