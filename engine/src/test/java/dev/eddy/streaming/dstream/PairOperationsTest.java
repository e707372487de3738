package dev.eddy.streaming.dstream;

import static dev.eddy.streaming.dstream.TransformationsTest.sortedCopy;
import static dev.eddy.streaming.dstream.TransformationsTest.toMap;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.api.Tuple2;
import dev.eddy.rdd.HashPartitioner;
import dev.eddy.rdd.PairRDD;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PairOperationsTest {
  private static final List<List<Tuple2<String, Integer>>> LEFT = List.of(
      List.of(kv("a", 1), kv("b", 2), kv("a", 3)),
      List.of(kv("c", 5)),
      List.of(),
      List.of(kv("a", 7), kv("d", 1), kv("d", 2)));
  private static final List<List<Tuple2<String, Integer>>> RIGHT = List.of(
      List.of(kv("a", 10), kv("c", 30)),
      List.of(kv("c", 50), kv("c", 51)),
      List.of(kv("x", 1)),
      List.of());

  private final StreamHarness h = new StreamHarness("pair-operations-test", 1000);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void groupCombineAndValueMapsPerBatch() {
    PairDStream<String, Integer> left = PairDStream.fromDStream(h.input(LEFT));
    Map<Long, List<Tuple2<String, Iterable<Integer>>>> grouped = h.collect(left.groupByKey(3));
    Map<Long, List<Tuple2<String, Integer>>> summed = h.collect(left.reduceByKey(Integer::sum, new HashPartitioner(2)));
    Map<Long, List<Tuple2<String, String>>> combined = h.collect(left.combineByKey(
        v -> "" + v, (c, v) -> c + "," + v, (c1, c2) -> c1 + "," + c2, new HashPartitioner(2)));
    Map<Long, List<Tuple2<String, Integer>>> mapped = h.collect(left.mapValues(v -> v * 100));
    Map<Long, List<Tuple2<String, Integer>>> flat = h.collect(left.flatMapValues(v -> List.of(v, -v).iterator()));
    Map<Long, Integer> partitions = new java.util.concurrent.ConcurrentHashMap<>();
    left.groupByKey(3).foreachRDD((rdd, t) -> partitions.put(t.milliseconds(), rdd.getNumPartitions()));
    h.runBatches(4);
    for (int i = 0; i < 4; i++) {
      long t = (i + 1) * 1000L;
      List<Tuple2<String, Integer>> batch = LEFT.get(i);
      Map<String, List<Integer>> expectedGroups = new TreeMap<>();
      batch.forEach(p -> expectedGroups.computeIfAbsent(p._1(), k -> new ArrayList<>()).add(p._2()));
      Map<String, List<Integer>> actualGroups = new TreeMap<>();
      grouped.get(t).forEach(p -> {
        List<Integer> values = new ArrayList<>();
        p._2().forEach(values::add);
        actualGroups.put(p._1(), sortedCopy(values));
      });
      assertEquals(expectedGroups, actualGroups, "groupByKey " + t);
      assertEquals(3, partitions.get(t));
      Map<String, Integer> expectedSums = new HashMap<>();
      batch.forEach(p -> expectedSums.merge(p._1(), p._2(), Integer::sum));
      assertEquals(expectedSums, toMap(summed.get(t)), "reduceByKey " + t);
      Map<String, List<String>> combinedSorted = new TreeMap<>();
      combined.get(t).forEach(p -> combinedSorted.put(p._1(), sortedCopy(List.of(p._2().split(",")))));
      Map<String, List<String>> expectedCombined = new TreeMap<>();
      expectedGroups.forEach((k, vs) -> expectedCombined.put(k, sortedCopy(vs.stream().map(String::valueOf).toList())));
      assertEquals(expectedCombined, combinedSorted, "combineByKey " + t);
      assertEquals(batch.stream().map(p -> kv(p._1(), p._2() * 100)).toList(), mapped.get(t));
      List<Tuple2<String, Integer>> expectedFlat = new ArrayList<>();
      batch.forEach(p -> {
        expectedFlat.add(p);
        expectedFlat.add(kv(p._1(), -p._2()));
      });
      assertEquals(expectedFlat, flat.get(t));
    }
  }

  @Test
  void joinsAndCogroupPerBatchMatchAJoinComputedByHand() {
    PairDStream<String, Integer> left = PairDStream.fromDStream(h.input(LEFT));
    PairDStream<String, Integer> right = PairDStream.fromDStream(h.input(RIGHT));
    Map<Long, List<Tuple2<String, Tuple2<Integer, Integer>>>> inner = h.collect(left.join(right));
    Map<Long, List<Tuple2<String, Tuple2<Integer, Optional<Integer>>>>> leftOuter =
        h.collect(left.leftOuterJoin(right, 2));
    Map<Long, List<Tuple2<String, Tuple2<Optional<Integer>, Integer>>>> rightOuter =
        h.collect(left.rightOuterJoin(right, new HashPartitioner(3)));
    Map<Long, List<Tuple2<String, Tuple2<Optional<Integer>, Optional<Integer>>>>> fullOuter =
        h.collect(left.fullOuterJoin(right, 4));
    Map<Long, List<Tuple2<String, Tuple2<Iterable<Integer>, Iterable<Integer>>>>> cogrouped =
        h.collect(left.cogroup(right, 2));
    h.runBatches(4);
    for (int i = 0; i < 4; i++) {
      long t = (i + 1) * 1000L;
      List<Tuple2<String, Integer>> l = LEFT.get(i);
      List<Tuple2<String, Integer>> r = RIGHT.get(i);
      Set<String> inner1 = new HashSet<>();
      Set<String> left1 = new HashSet<>();
      Set<String> right1 = new HashSet<>();
      Set<String> full1 = new HashSet<>();
      Set<String> keys = new HashSet<>();
      l.forEach(p -> keys.add(p._1()));
      r.forEach(p -> keys.add(p._1()));
      for (String k : keys) {
        List<Integer> lv = l.stream().filter(p -> p._1().equals(k)).map(Tuple2::_2).toList();
        List<Integer> rv = r.stream().filter(p -> p._1().equals(k)).map(Tuple2::_2).toList();
        for (int a : lv) {
          for (int b : rv) {
            inner1.add(k + a + "/" + b);
          }
          if (rv.isEmpty()) {
            left1.add(k + a + "/-");
            full1.add(k + a + "/-");
          }
        }
        for (int b : rv) {
          if (lv.isEmpty()) {
            right1.add(k + "-/" + b);
            full1.add(k + "-/" + b);
          }
        }
      }
      left1.addAll(inner1);
      right1.addAll(inner1);
      full1.addAll(inner1);
      assertEquals(inner1, strings(inner.get(t), p -> p._1() + p._2()._1() + "/" + p._2()._2()), "join " + t);
      assertEquals(left1, strings(leftOuter.get(t), p -> p._1() + p._2()._1() + "/" + p._2()._2().map(String::valueOf).orElse("-")));
      assertEquals(right1, strings(rightOuter.get(t), p -> p._1() + p._2()._1().map(String::valueOf).orElse("-") + "/" + p._2()._2()));
      assertEquals(full1, strings(fullOuter.get(t), p -> p._1() + p._2()._1().map(String::valueOf).orElse("-")
          + "/" + p._2()._2().map(String::valueOf).orElse("-")));
      Map<String, String> expectedCogroup = new TreeMap<>();
      for (String k : keys) {
        expectedCogroup.put(k, sortedCopy(l.stream().filter(p -> p._1().equals(k)).map(Tuple2::_2).toList())
            + "|" + sortedCopy(r.stream().filter(p -> p._1().equals(k)).map(Tuple2::_2).toList()));
      }
      Map<String, String> actualCogroup = new TreeMap<>();
      cogrouped.get(t).forEach(p -> actualCogroup.put(p._1(), sortedCopy(list(p._2()._1())) + "|" + sortedCopy(list(p._2()._2()))));
      assertEquals(expectedCogroup, actualCogroup, "cogroup " + t);
    }
  }

  @Test
  void pairStreamsKeepTheirTypeThroughFilterRepartitionAndUnion() {
    PairDStream<String, Integer> left = PairDStream.fromDStream(h.input(LEFT));
    PairDStream<String, Integer> kept = left.filter(p -> p._2() > 1).repartition(2).union(left).cache();
    Map<Long, List<Tuple2<String, Integer>>> out = h.collect(kept.reduceByKey(Integer::sum));
    h.runBatches(4);
    for (int i = 0; i < 4; i++) {
      Map<String, Integer> expected = new HashMap<>();
      LEFT.get(i).forEach(p -> {
        expected.merge(p._1(), p._2(), Integer::sum);
        if (p._2() > 1) {
          expected.merge(p._1(), p._2(), Integer::sum);
        }
      });
      assertEquals(expected, PairRDD.fromRDD(h.sc.parallelize(out.get((i + 1) * 1000L))).collectAsMap());
    }
  }

  private static <T> Set<String> strings(List<T> items, java.util.function.Function<T, String> f) {
    Set<String> out = new HashSet<>();
    items.forEach(x -> out.add(f.apply(x)));
    return out;
  }

  private static List<Integer> list(Iterable<Integer> values) {
    List<Integer> out = new ArrayList<>();
    values.forEach(out::add);
    return out;
  }

  static Tuple2<String, Integer> kv(String k, int v) {
    return new Tuple2<>(k, v);
  }
}
