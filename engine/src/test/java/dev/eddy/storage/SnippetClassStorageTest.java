package dev.eddy.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import dev.eddy.broadcast.Broadcast;
import dev.eddy.rdd.RDD;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class compiled at test time in its own loader stands in for a notebook (JShell snippet) class:
 * the task threads exist before the driver's thread switches to that loader, as in the kernel, and
 * every path that deserializes on a task thread must still find the class.
 */
class SnippetClassStorageTest {
  private static final String SOURCE = """
      package snippet;
      public record Point(int x, int y) implements java.io.Serializable {}
      """;

  @TempDir Path tmp;
  private EddyContext sc;
  private URLClassLoader loader;
  private ClassLoader previous;

  @BeforeEach
  void start() throws Exception {
    Path src = tmp.resolve("classes/snippet/Point.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, SOURCE);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "tests need a JDK");
    assertEquals(0, javac.run(null, null, null, "-d", tmp.resolve("classes").toString(), src.toString()));
    loader = new URLClassLoader(new URL[] {tmp.resolve("classes").toUri().toURL()}, getClass().getClassLoader());
    sc = new EddyContext(new EddyConf(false).setMaster("local[2]")
        .set(EddyConf.SHUFFLE_MEMORY_BYTES.name(), "0")
        .set(EddyConf.LOCAL_DIR.name(), tmp.toString()));
    sc.parallelize(List.of(1, 2), 2).collect(); // the task threads now exist, under the test's loader
    previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(loader);
  }

  @AfterEach
  void stop() throws Exception {
    Thread.currentThread().setContextClassLoader(previous);
    sc.stop();
    loader.close();
  }

  @Test
  void serializedLevelsSpillsBroadcastsAndCheckpointsFindNotebookClasses() throws Exception {
    List<Object> points = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      points.add(loader.loadClass("snippet.Point").getConstructor(int.class, int.class).newInstance(i, i * i));
    }
    for (StorageLevel level
        : List.of(StorageLevel.MEMORY_ONLY_SER, StorageLevel.DISK_ONLY, StorageLevel.MEMORY_ONLY_2)) {
      RDD<Object> cached = sc.parallelize(points, 2).map(p -> p).persist(level);
      assertEquals(points, cached.collect());
      assertEquals(points, cached.collect(), level.description());
    }

    List<Tuple2<Object, Integer>> counted = sc.parallelize(points, 2)
        .mapToPair(p -> new Tuple2<>(p, 1))
        .reduceByKey(Integer::sum, 2)
        .collect();
    assertEquals(6, counted.size());
    assertTrue(sc.shuffleManager().metrics().spills() > 0, "the shuffle spilled");

    Broadcast<Object> first = sc.broadcast(points.get(1));
    assertEquals(List.of(true, true),
        sc.parallelize(List.of(1, 2), 2).map(x -> first.value().equals(points.get(1))).collect());

    sc.setCheckpointDir(tmp.resolve("checkpoints").toString());
    RDD<Object> checkpointed = sc.parallelize(points, 2).map(p -> p);
    checkpointed.checkpoint();
    checkpointed.collect();
    assertEquals(points, checkpointed.collect());
  }
}
