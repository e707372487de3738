package dev.eddy.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code %classpath} and {@code %maven}: jars and class directories added to the class path of
 * later cells. Added classes are loaded by JShell's class loader, whose parent is the kernel's:
 * a library the kernel already has (Guava, Kryo, ...) keeps the kernel's version. Used on the
 * cell worker only.
 */
final class ClasspathMagic {
  private static final int MAX_GLOB_DEPTH = 16;

  private final JShellEvaluator evaluator;
  private final MavenResolver maven;

  ClasspathMagic(JShellEvaluator evaluator, MavenResolver maven) {
    this.evaluator = evaluator;
    this.maven = maven;
  }

  /**
   * Adds every file matching the space-separated paths or globs ({@code lib/*.jar}, {@code
   * ~/jars/**.jar}); returns what was added.
   *
   * @throws IllegalArgumentException if there are no arguments or one of them matches nothing
   */
  MimeBundle add(String args) {
    if (args.isBlank()) {
      throw new IllegalArgumentException("needs a jar, a class directory or a glob, e.g. %classpath lib/*.jar");
    }
    List<Path> found = new ArrayList<>();
    for (String arg : args.strip().split("\\s+")) {
      List<Path> matches = expand(arg);
      if (matches.isEmpty()) {
        throw new IllegalArgumentException("nothing matches " + arg + " (looked in " + base(absolute(arg)) + ")");
      }
      found.addAll(matches);
    }
    for (Path path : found) {
      evaluator.addToClasspath(path.toString());
    }
    return MimeBundle.text("Added to the class path: " + describe(found));
  }

  /**
   * Resolves {@code coordinates} with its dependencies from Maven Central and adds the jars.
   *
   * @throws IllegalArgumentException if the coordinates are malformed or cannot be resolved
   */
  MimeBundle maven(String coordinates) {
    if (coordinates.isBlank()) {
      throw new IllegalArgumentException("needs group:artifact:version, e.g. %maven org.apache.commons:commons-lang3:3.14.0");
    }
    List<File> jars = maven.resolve(coordinates);
    List<Path> paths = new ArrayList<>();
    for (File jar : jars) {
      evaluator.addToClasspath(jar.getAbsolutePath());
      paths.add(jar.toPath());
    }
    return MimeBundle.text("Added " + coordinates.strip() + " (" + jars.size() + " jars) to the class path: " + describe(paths));
  }

  /** The files an argument names: itself if it has no glob characters, else its matches. */
  static List<Path> expand(String arg) {
    String path = absolute(arg);
    if (!hasGlob(path)) {
      Path file = Path.of(path).normalize();
      return Files.exists(file) ? List.of(file) : List.of();
    }
    Path base = base(path);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path);
    try (Stream<Path> files = Files.walk(base, MAX_GLOB_DEPTH)) {
      return files.filter(p -> !p.equals(base) && matcher.matches(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code arg} with {@code ~/} expanded and made absolute against the working directory. */
  private static String absolute(String arg) {
    String path = arg.startsWith("~/") ? System.getProperty("user.home") + arg.substring(1) : arg;
    return path.startsWith("/") ? path : Path.of("").toAbsolutePath() + "/" + path;
  }

  /** The longest leading directory of an absolute {@code path} without glob characters. */
  private static Path base(String path) {
    int glob = firstGlob(path);
    String prefix = glob < 0 ? path : path.substring(0, glob);
    int slash = prefix.lastIndexOf('/');
    return Path.of(slash <= 0 ? "/" : prefix.substring(0, slash));
  }

  private static boolean hasGlob(String path) {
    return firstGlob(path) >= 0;
  }

  private static int firstGlob(String path) {
    for (int i = 0; i < path.length(); i++) {
      if ("*?[{".indexOf(path.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static String describe(List<Path> paths) {
    List<String> names = new ArrayList<>();
    for (Path p : paths) {
      names.add(p.getFileName().toString());
    }
    return String.join(", ", names);
  }
}
