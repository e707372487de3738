package dev.eddy.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.TaskContext;
import dev.eddy.api.Tuple2;
import dev.eddy.dag.Dag;
import dev.eddy.dag.DagCluster;
import dev.eddy.dag.DagEdge;
import dev.eddy.dag.DagNode;
import dev.eddy.rdd.Dependency;
import dev.eddy.rdd.HashPartitioner;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.Partition;
import dev.eddy.rdd.RDD;
import dev.eddy.rdd.ShuffleDependency;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LineageDagTest {
  private final EddyContext sc = new EddyContext("local[2]", "lineage-test");

  @AfterEach
  void stop() {
    sc.stop();
  }

  private PairRDD<String, Integer> wordCount() {
    return sc.parallelize(List.of("a b", "b c"), 2)
        .flatMap(l -> Arrays.asList(l.split(" ")).iterator())
        .mapToPair(w -> new Tuple2<>(w, 1))
        .reduceByKey(Integer::sum);
  }

  @Test
  void aWordCountIsTwoStagesJoinedByAShuffle() {
    PairRDD<String, Integer> counts = wordCount();
    int s = counts.id() - 3;
    Dag dag = counts.dag();
    assertEquals(List.of(
        new DagNode(s, "ParallelCollectionRDD [" + s + "]", "parallelize", false, DagNode.Kind.SOURCE),
        new DagNode(s + 1, "MapPartitionsRDD [" + (s + 1) + "]", "flatMap", false, DagNode.Kind.TRANSFORM),
        new DagNode(s + 2, "MapPartitionsRDD [" + (s + 2) + "]", "mapToPair", false, DagNode.Kind.TRANSFORM),
        new DagNode(s + 3, "ShuffledRDD [" + (s + 3) + "]", "reduceByKey", false, DagNode.Kind.SHUFFLE)),
        dag.nodes());
    assertEquals(List.of(
        new DagCluster(0, "Stage 0", null, List.of(s, s + 1, s + 2)),
        new DagCluster(1, "Stage 1", null, List.of(s + 3))),
        dag.clusters());
    assertEquals(List.of(
        new DagEdge(s, s + 1, DagEdge.Type.NARROW),
        new DagEdge(s + 1, s + 2, DagEdge.Type.NARROW),
        new DagEdge(s + 2, s + 3, DagEdge.Type.SHUFFLE)),
        dag.edges());
    assertEquals("ShuffledRDD [" + (s + 3) + "]  reduceByKey  [Stage 1]\n"
        + " +-MapPartitionsRDD [" + (s + 2) + "]  mapToPair  [Stage 0]\n"
        + "   |  MapPartitionsRDD [" + (s + 1) + "]  flatMap\n"
        + "   |  ParallelCollectionRDD [" + s + "]  parallelize\n", dag.toText());
    assertEquals("(2) ShuffledRDD[" + (s + 3) + "] at reduceByKey\n"
        + " +-(2) MapPartitionsRDD[" + (s + 2) + "] at mapToPair\n"
        + "   |  (2) MapPartitionsRDD[" + (s + 1) + "] at flatMap\n"
        + "   |  (2) ParallelCollectionRDD[" + s + "] at parallelize", counts.toDebugString());
  }

  @Test
  void aJoinOfTwoRddsIsThreeStagesAsTheSchedulerRunsThem() throws Exception {
    PairRDD<String, Integer> left = sc.parallelize(List.of("a", "b"), 2).mapToPair(w -> new Tuple2<>(w, 1));
    PairRDD<String, Integer> right = sc.parallelize(List.of("b", "c"), 2).mapToPair(w -> new Tuple2<>(w, 2));
    TwoShuffles joined = new TwoShuffles(left, right);
    Dag dag = joined.dag();
    assertEquals(List.of("Stage 0", "Stage 1", "Stage 2"), dag.clusters().stream().map(DagCluster::label).toList());
    assertEquals(List.of(joined.id()), dag.clusters().get(2).nodeIds());
    assertEquals(List.of(left.id() - 1, left.id()), dag.clusters().get(0).nodeIds());
    assertEquals(List.of(right.id() - 1, right.id()), dag.clusters().get(1).nodeIds());
    assertEquals(List.of(left.id(), right.id()),
        dag.parentEdges(joined.id()).stream().filter(DagEdge::shuffle).map(DagEdge::from).toList());
    assertEquals(DagNode.Kind.SHUFFLE, dag.node(joined.id()).orElseThrow().kind());

    // the scheduler runs the same stages over the same RDDs
    List<JobEvent> events = new CopyOnWriteArrayList<>();
    sc.addJobListener(new RecordingListener(events));
    assertEquals(4, joined.collect().size());
    assertTrue(sc.awaitJobListeners(Duration.ofSeconds(5)));
    List<StageInfo> stages = ((JobStart) events.get(0)).stageInfos();
    assertEquals(dag.clusters().stream().map(DagCluster::nodeIds).toList(),
        stages.stream().map(StageInfo::rddIds).toList());
  }

  @Test
  void aUnionIsOneStageWithoutShuffle() {
    RDD<Integer> a = sc.parallelize(List.of(1, 2), 1);
    RDD<Integer> b = sc.parallelize(List.of(3), 1);
    RDD<Integer> union = a.union(b);
    Dag dag = union.dag();
    assertEquals(1, dag.clusters().size());
    assertEquals(List.of(a.id(), b.id(), union.id()), dag.clusters().get(0).nodeIds());
    assertEquals(List.of(new DagEdge(a.id(), union.id(), DagEdge.Type.NARROW),
        new DagEdge(b.id(), union.id(), DagEdge.Type.NARROW)), dag.edges());
    assertEquals("UnionRDD [" + union.id() + "]", dag.node(union.id()).orElseThrow().label());
    assertEquals(3, union.toDebugString().lines().count());
  }

  @Test
  void toDebugStringFollowsTheDagTextLineForLine() {
    PairRDD<String, Integer> counts = wordCount();
    RDD<Integer> lengths = counts.map(t -> t._1().length() + t._2()).setName("lengths");
    RDD<Integer> both = lengths.union(sc.parallelize(List.of(7), 1));
    List<String> text = both.dag().toText().lines().toList();
    List<String> debug = both.toDebugString().lines().toList();
    assertEquals(text.size(), debug.size(), both.toDebugString());
    for (int i = 0; i < text.size(); i++) {
      String t = text.get(i);
      String d = debug.get(i);
      String prefix = t.substring(0, indexOfLabel(t));
      assertTrue(d.startsWith(prefix + "("), "line " + i + ": '" + d + "' vs '" + t + "'");
      String id = t.substring(t.indexOf(" [") + 2, t.indexOf(']'));
      assertTrue(d.contains("[" + id + "] at "), "line " + i + ": '" + d + "' vs '" + t + "'");
    }
    assertTrue(text.get(1).startsWith(" |  lengths [" + lengths.id() + "]  map"), text.get(1));
  }

  @Test
  void cachedRddsAreMarkedThroughThePredicate() {
    PairRDD<String, Integer> counts = wordCount();
    RDD<?> pairs = counts.dependencies().get(0).rdd();
    Dag dag = LineageDag.of(counts, r -> r.id() == pairs.id());
    assertTrue(dag.node(pairs.id()).orElseThrow().cached());
    assertEquals(1, dag.nodes().stream().filter(DagNode::cached).count());
    assertTrue(LineageDag.debugString(counts, r -> r.id() == pairs.id()).contains("mapToPair  (cached)"));
    assertTrue(counts.dag().nodes().stream().noneMatch(DagNode::cached), "nothing is cached by default");
  }

  @Test
  void persistedRddsAreMarkedInTheirDag() {
    PairRDD<String, Integer> counts = wordCount();
    RDD<?> pairs = counts.dependencies().get(0).rdd();
    pairs.persist(dev.eddy.storage.StorageLevel.MEMORY_ONLY);
    Dag dag = counts.dag();
    assertTrue(dag.node(pairs.id()).orElseThrow().cached());
    assertEquals(1, dag.nodes().stream().filter(DagNode::cached).count());
    assertTrue(counts.toDebugString().contains("(cached)"), counts.toDebugString());
  }

  @Test
  void theSvgIsWellFormedXml() throws Exception {
    String svg = wordCount().dag().toSvg();
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", doc.getDocumentElement().getTagName());
    assertTrue(svg.contains("Stage 0") && svg.contains("Stage 1") && svg.contains("ShuffledRDD"), svg);
  }

  private static int indexOfLabel(String line) {
    int i = 0;
    while (i < line.length() && " |+-".indexOf(line.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /** A join's shape: one RDD reading two shuffles, each partition the pairs of both sides. */
  private static final class TwoShuffles extends RDD<Tuple2<String, Integer>> {
    private final List<ShuffleDependency<String, Integer, Integer>> shuffles;

    TwoShuffles(PairRDD<String, Integer> left, PairRDD<String, Integer> right) {
      this(shuffles(left, right));
    }

    private TwoShuffles(List<ShuffleDependency<String, Integer, Integer>> shuffles) {
      super(shuffles.get(0).rdd().context(), new ArrayList<Dependency<?>>(shuffles), "join");
      this.shuffles = shuffles;
    }

    private static List<ShuffleDependency<String, Integer, Integer>> shuffles(
        PairRDD<String, Integer> left, PairRDD<String, Integer> right) {
      return List.of(new ShuffleDependency<>(left, new HashPartitioner(2), null, false),
          new ShuffleDependency<>(right, new HashPartitioner(2), null, false));
    }

    @Override
    protected List<Partition> getPartitions() {
      return List.of(() -> 0, () -> 1);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterator<Tuple2<String, Integer>> compute(Partition split, TaskContext context) {
      List<Tuple2<String, Integer>> out = new ArrayList<>();
      for (ShuffleDependency<String, Integer, Integer> dep : shuffles) {
        context().shuffleManager().read(context.jobId(), dep.shuffleId(), split.index())
            .forEachRemaining(o -> out.add((Tuple2<String, Integer>) o));
      }
      return out.iterator();
    }
  }
}
