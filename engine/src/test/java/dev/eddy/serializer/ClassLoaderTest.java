package dev.eddy.serializer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A class compiled at test time and loaded by its own URLClassLoader stands in for a JShell
 * snippet class: the serializers' own loader cannot see it.
 */
class ClassLoaderTest {
  private static final String NAME = "snippet.Point";
  private static final String SOURCE = """
      package snippet;
      public class Point implements java.io.Serializable {
        public final int x; public final int y;
        public Point(int x, int y) { this.x = x; this.y = y; }
        public java.util.function.Supplier<String> describer(String prefix) {
          return (java.util.function.Supplier<String> & java.io.Serializable) () -> prefix + x + "," + y;
        }
        @Override public boolean equals(Object o) { return o instanceof Point p && p.x == x && p.y == y; }
        @Override public int hashCode() { return 31 * x + y; }
      }
      """;

  @TempDir static Path dir;
  private static URLClassLoader loader;
  private static Object point;

  @BeforeAll
  static void compileSnippet() throws Exception {
    Path src = dir.resolve("snippet/Point.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, SOURCE);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "tests need a JDK");
    assertEquals(0, javac.run(null, null, null, "-d", dir.toString(), src.toString()));
    loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, ClassLoaderTest.class.getClassLoader());
    point = loader.loadClass(NAME).getConstructor(int.class, int.class).newInstance(3, 4);
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void withoutTheLoaderTheClassIsNotFound(Serializer s) {
    byte[] bytes = s.serialize(point);
    SerializationException e = assertThrows(SerializationException.class, () -> s.deserialize(bytes));
    assertTrue(e.getMessage().contains(NAME), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void roundTripsWhenTheLoaderIsSet(Serializer s) {
    s.setClassLoader(loader);
    assertSame(loader, s.classLoader());
    Object back = s.deserialize(s.serialize(List.of(point)));
    Object first = ((List<?>) back).get(0);
    assertSame(loader, first.getClass().getClassLoader());
    assertEquals(point, first);
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void streamsUseTheLoaderToo(Serializer s) throws Exception {
    s.setClassLoader(loader);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SerializationStream out = s.serializeStream(bytes)) {
      out.writeObject(point);
      out.writeObject("after");
    }
    try (DeserializationStream in = s.deserializeStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(point, in.readObject());
      assertEquals("after", in.readObject());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void lambdasDefinedInTheSnippetLoaderRoundTrip(Serializer s) throws Exception {
    @SuppressWarnings("unchecked")
    Supplier<String> describer = (Supplier<String>) point.getClass().getMethod("describer", String.class)
        .invoke(point, "at ");
    s.setClassLoader(loader);
    Supplier<String> back = s.deserialize(s.serialize(describer));
    assertEquals("at 3,4", back.get());
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void defaultIsTheThreadContextLoaderAtTheTimeOfTheCall(Serializer s) {
    byte[] bytes = s.serialize(point);
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      assertSame(loader, s.classLoader());
      assertEquals(point, s.deserialize(bytes));
    } finally {
      thread.setContextClassLoader(saved);
    }
    assertThrows(SerializationException.class, () -> s.deserialize(bytes), "the rule is read at each call");
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void settingNullRestoresTheDefaultRule(Serializer s) {
    s.setClassLoader(loader);
    s.setClassLoader(null);
    assertSame(Thread.currentThread().getContextClassLoader(), s.classLoader());
  }

  @Test
  void engineClassesResolveEvenUnderAnUnrelatedLoader() {
    Serializer s = new KryoSerializer();
    s.setClassLoader(new URLClassLoader(new URL[0], null));
    assertEquals(new dev.eddy.api.Tuple2<>("a", 1), s.deserialize(s.serialize(new dev.eddy.api.Tuple2<>("a", 1))));
    Serializer j = new JavaSerializer();
    j.setClassLoader(new URLClassLoader(new URL[0], null));
    assertEquals(new dev.eddy.api.Tuple2<>("a", 1), j.deserialize(j.serialize(new dev.eddy.api.Tuple2<>("a", 1))));
  }
}
