package dev.eddy.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument expansion of {@code %classpath} and its errors. */
class ClasspathMagicTest {
  @TempDir
  Path dir;

  @Test
  void globsMatchFilesAndPlainPathsMustExist() throws IOException {
    Files.createDirectories(dir.resolve("lib/sub"));
    Path a = Files.createFile(dir.resolve("lib/a.jar"));
    Path b = Files.createFile(dir.resolve("lib/sub/b.jar"));
    Files.createFile(dir.resolve("lib/readme.txt"));
    assertEquals(List.of(a), ClasspathMagic.expand(dir + "/lib/*.jar"));
    assertEquals(List.of(a, b), ClasspathMagic.expand(dir + "/lib/**.jar"));
    assertEquals(List.of(a), ClasspathMagic.expand(dir + "/lib/a.jar"));
    assertEquals(List.of(), ClasspathMagic.expand(dir + "/lib/missing.jar"));
    assertEquals(List.of(), ClasspathMagic.expand(dir + "/nodir/*.jar"));
  }

  @Test
  void nothingMatchingIsAClearError() {
    ClasspathMagic magic = new ClasspathMagic(null, null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> magic.add(dir + "/x-*.jar"));
    assertTrue(e.getMessage().startsWith("nothing matches " + dir + "/x-*.jar"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> magic.add(" "));
    assertThrows(IllegalArgumentException.class, () -> magic.maven(""));
  }

  @Test
  void malformedMavenCoordinatesAreAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new MavenResolver(dir).resolve("just-a-name"));
    assertTrue(e.getMessage().startsWith("not Maven coordinates: 'just-a-name'"), e.getMessage());
  }
}
