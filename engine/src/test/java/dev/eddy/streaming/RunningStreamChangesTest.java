package dev.eddy.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.dstream.DStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A running context's streams cannot change, as Spark's; a stopped one's can, then run again. */
class RunningStreamChangesTest {
  private final EddyContext sc = new EddyContext("local[2]", "running-changes-test");
  private final StreamingContext ssc = StreamingContext.manual(sc, Durations.seconds(1));

  @AfterEach
  void stop() {
    ssc.stop();
    sc.stop();
  }

  @Test
  void persistCheckpointAndNewStreamsFailWhileRunningAndWorkAfterAStop() {
    DStream<String> lines = ssc.textGeneratorStream(2);
    lines.count().print();
    ssc.start();

    UnsupportedOperationException persist = assertThrows(UnsupportedOperationException.class, lines::persist);
    assertTrue(persist.getMessage().startsWith(
        "Cannot change storage level of a DStream after streaming context has started"), persist.getMessage());
    assertTrue(persist.getMessage().contains("ssc.stop()"), persist.getMessage());
    assertThrows(UnsupportedOperationException.class, () -> lines.persist(StorageLevel.MEMORY_ONLY));
    assertThrows(UnsupportedOperationException.class, lines::cache);
    UnsupportedOperationException checkpoint = assertThrows(
        UnsupportedOperationException.class, () -> lines.checkpoint(Durations.seconds(2)));
    assertTrue(checkpoint.getMessage().startsWith(
        "Cannot change checkpoint interval of a DStream after streaming context has started"), checkpoint.getMessage());
    IllegalStateException map = assertThrows(IllegalStateException.class, () -> lines.map(String::length));
    assertTrue(map.getMessage().startsWith("Adding new inputs, transformations, and output operations after "
        + "starting a context is not supported"), map.getMessage());
    assertThrows(IllegalStateException.class, () -> lines.foreachRDD(rdd -> { }));
    assertThrows(IllegalStateException.class, () -> ssc.textGeneratorStream(1));
    assertEquals(StorageLevel.NONE, lines.storageLevel(), "nothing changed");
    ssc.runBatches(1);

    ssc.stop();
    lines.persist();
    List<Integer> lengths = new CopyOnWriteArrayList<>();
    lines.map(String::length).foreachRDD(rdd -> lengths.add(rdd.collect().size()));
    ssc.start();
    ssc.runBatches(2);
    assertEquals(List.of(2, 2), lengths);
    assertEquals(StorageLevel.MEMORY_ONLY_SER, lines.storageLevel());
  }
}
