package dev.eddy.rdd.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves {@code textFile}'s path argument to files, as Hadoop's {@code FileInputFormat}: a
 * comma-separated list of paths, each a file, a directory (its files, not recursively) or a glob
 * ({@code logs/*.txt}, {@code out/part-*}); a {@code file:} prefix is accepted. Names starting with
 * {@code _} or {@code .} inside a directory or glob (such as {@code _SUCCESS}) are skipped. Files
 * are returned in name order. Static helpers; thread-safe.
 */
public final class InputPaths {
  private InputPaths() {}

  /** Returns the files {@code paths} names, in order. */
  public static List<Path> list(String paths) {
    List<Path> files = new ArrayList<>();
    for (String p : splitOutsideBraces(paths)) {
      String trimmed = stripScheme(p.trim());
      if (trimmed.isEmpty()) {
        throw new IllegalArgumentException("Empty path in textFile(\"" + paths + "\")");
      }
      files.addAll(isGlob(trimmed) ? glob(trimmed) : plain(Paths.get(trimmed)));
    }
    return files;
  }

  /** Splits at the commas that are not inside a glob's braces, as Hadoop: {@code a/{x,y},b}. */
  private static List<String> splitOutsideBraces(String paths) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < paths.length(); i++) {
      char c = paths.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(paths.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(paths.substring(start));
    return parts;
  }

  /** Returns {@code path} without a {@code file:}, {@code file://} prefix; the local file system is the only one. */
  public static String stripScheme(String path) {
    if (path.startsWith("file://")) {
      return path.substring("file://".length());
    }
    return path.startsWith("file:") ? path.substring("file:".length()) : path;
  }

  private static boolean isGlob(String path) {
    return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  private static List<Path> plain(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("Input path does not exist: file:" + path.toAbsolutePath());
    }
    return Files.isDirectory(path) ? visibleFiles(path) : List.of(path);
  }

  private static List<Path> glob(String pattern) {
    Path absolute = Paths.get(pattern).toAbsolutePath();
    // walk from the deepest directory without glob characters, as deep as the pattern goes
    Path base = absolute.getRoot();
    int depth = 0;
    boolean inGlob = false;
    for (Path part : absolute) {
      if (inGlob || isGlob(part.toString())) {
        inGlob = true;
        depth++;
      } else {
        base = base.resolve(part);
      }
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(base)) {
      try (Stream<Path> walk = Files.walk(base, depth)) {
        for (Path p : walk.filter(matcher::matches).filter(InputPaths::visible).sorted().toList()) {
          files.addAll(Files.isDirectory(p) ? visibleFiles(p) : List.of(p));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + base, e);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("Input Pattern file:" + absolute + " matches 0 files");
    }
    return files;
  }

  private static List<Path> visibleFiles(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isRegularFile).filter(InputPaths::visible).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  private static boolean visible(Path p) {
    String name = p.getFileName().toString();
    return !name.startsWith("_") && !name.startsWith(".");
  }
}
