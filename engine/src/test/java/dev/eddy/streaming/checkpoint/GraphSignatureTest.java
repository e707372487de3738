package dev.eddy.streaming.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.dstream.DStream;
import dev.eddy.util.ManualClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GraphSignatureTest {
  private final EddyContext sc = new EddyContext("local[1]", "graph-signature-test");
  private final List<StreamingContext> contexts = new ArrayList<>();

  @AfterEach
  void stop() {
    contexts.forEach(StreamingContext::stop);
    sc.stop();
  }

  /** Returns the signature of a fresh context's graph after {@code define} built its streams. */
  private GraphSignature signature(Consumer<StreamingContext> define) {
    StreamingContext ssc = new StreamingContext(sc, Durations.seconds(1), new ManualClock());
    contexts.add(ssc);
    define.accept(ssc);
    return GraphSignature.of(ssc.graph());
  }

  private static DStream<String> lines(StreamingContext ssc) {
    Queue<RDD<String>> queue = new ArrayDeque<>();
    return ssc.queueStream(queue);
  }

  @Test
  void describesStreamsInOrderWithParentsSlidesAndOutputs() {
    GraphSignature g = signature(ssc -> {
      DStream<String> words = lines(ssc).flatMap(l -> List.of(l.split(" ")).iterator());
      words.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum).print();
      words.count().foreachRDD(rdd -> {});
    });
    List<GraphSignature.Stream> expected = List.of(
        new GraphSignature.Stream("QueueInputDStream", 1000, List.of()),
        new GraphSignature.Stream("FlatMappedDStream", 1000, List.of(0)),
        new GraphSignature.Stream("MappedDStream", 1000, List.of(1)),
        new GraphSignature.Stream("PairDStream", 1000, List.of(2)),
        new GraphSignature.Stream("ShuffledDStream", 1000, List.of(3)),
        new GraphSignature.Stream("PairDStream", 1000, List.of(4)),
        new GraphSignature.Stream("CountDStream", 1000, List.of(1)));
    assertEquals(expected, g.streams());
    assertEquals(List.of(new GraphSignature.Output("print", 5), new GraphSignature.Output("foreachRDD", 6)), g.outputs());
  }

  @Test
  void changedFunctionBodiesStillMatch() {
    GraphSignature before = signature(ssc -> lines(ssc).map(String::length).filter(n -> n > 3).print());
    GraphSignature after = signature(ssc -> lines(ssc).map(l -> l.trim().length() * 2).filter(n -> n % 2 == 0).print());
    assertEquals(before, after);
    assertEquals(List.of(), after.differences(before));
    after.checkCompatibleWith(before);
  }

  @Test
  void streamsDefinedButNeverUsedDoNotCount() {
    GraphSignature plain = signature(ssc -> lines(ssc).map(String::length).print());
    GraphSignature withUnused = signature(ssc -> {
      DStream<String> in = lines(ssc);
      in.filter(l -> true); // never output
      in.map(String::length).print();
    });
    assertEquals(plain, withUnused);
  }

  @Test
  void aReplacedOperatorIsNamedByPosition() {
    GraphSignature saved = signature(ssc -> lines(ssc).map(String::trim).print());
    GraphSignature now = signature(ssc -> lines(ssc).filter(l -> !l.isEmpty()).print());
    assertEquals(List.of("stream 1 was MappedDStream, is now FilteredDStream"), now.differences(saved));
    IncompatibleGraphException e = assertThrows(IncompatibleGraphException.class, () -> now.checkCompatibleWith(saved));
    assertTrue(e.getMessage().contains("stream 1 was MappedDStream, is now FilteredDStream"), e.getMessage());
    assertTrue(e.getMessage().contains("function bodies may change"), e.getMessage());
  }

  @Test
  void newAndGoneOutputsAndStreamsAreNamed() {
    GraphSignature saved = signature(ssc -> lines(ssc).map(String::trim).print());
    GraphSignature now = signature(ssc -> {
      DStream<String> t = lines(ssc).map(String::trim);
      t.print();
      t.count().print();
    });
    assertEquals(List.of("stream 2 (CountDStream) is new", "output 1 (print of stream 2) is new"), now.differences(saved));
    assertEquals(List.of("stream 2 (CountDStream) is gone", "output 1 (print of stream 2) is gone"), saved.differences(now));
  }

  @Test
  void aChangedParentOrOutputOperationIsNamed() {
    GraphSignature saved = signature(ssc -> {
      DStream<String> a = lines(ssc);
      lines(ssc);
      a.map(String::trim).print();
    });
    GraphSignature now = signature(ssc -> {
      lines(ssc);
      DStream<String> b = lines(ssc);
      b.map(String::trim).foreachRDD(rdd -> {});
    });
    assertEquals(List.of("stream 2 (MappedDStream) was computed from streams [0], is now from [1]",
        "output 0 was print of stream 2, is now foreachRDD of stream 2"), now.differences(saved));
  }

  @Test
  void aChangedSlideIsNamed() {
    GraphSignature saved = GraphSignature.of(
        List.of(new GraphSignature.Stream("QueueInputDStream", 1000, List.of()),
            new GraphSignature.Stream("WindowedDStream", 2000, List.of(0))),
        List.of(new GraphSignature.Output("print", 1)));
    GraphSignature now = GraphSignature.of(
        List.of(new GraphSignature.Stream("QueueInputDStream", 1000, List.of()),
            new GraphSignature.Stream("WindowedDStream", 3000, List.of(0))),
        List.of(new GraphSignature.Output("print", 1)));
    assertEquals(List.of("stream 1 (WindowedDStream) slid every 2000 ms, now every 3000 ms"), now.differences(saved));
  }

  @Test
  void aChangedWindowLengthIsNamed() {
    GraphSignature saved = signature(ssc -> lines(ssc).window(Durations.seconds(3), Durations.seconds(1)).print());
    GraphSignature now = signature(ssc -> lines(ssc).window(Durations.seconds(5), Durations.seconds(1)).print());
    assertEquals(List.of("stream 1 was WindowedDStream(3 s, 1 s), is now WindowedDStream(5 s, 1 s)"),
        now.differences(saved));
  }

  @Test
  void aSignatureThatPointsNowhereIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraphSignature.of(
        List.of(new GraphSignature.Stream("QueueInputDStream", 1000, List.of(3))), List.of()));
    assertTrue(e.getMessage().contains("stream 3"), e.getMessage());
  }
}
