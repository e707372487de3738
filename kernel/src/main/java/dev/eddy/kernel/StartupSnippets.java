package dev.eddy.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The code every session starts with: the imports of the {@code jshell} tool (the JShell API has
 * none), Eddy's imports, and the bindings of {@link Bindings} ({@code sc}, {@code ssc}, {@code
 * display(Object)}, {@code clearOutput()}, {@code html}, {@code markdown}, {@code svg}).
 *
 * <p>JShell imports {@code java.util.function.*} and other JDK packages on demand, so a name that
 * one of Eddy's packages shares with them ({@code Function}) would be ambiguous in every cell.
 * Such names get a single-type import of Eddy's class, which wins over on-demand imports. They
 * are found by listing Eddy's packages on the class path, so new engine classes are covered.
 */
final class StartupSnippets {
  /** Eddy's packages imported on demand. */
  static final List<String> PACKAGES = List.of(
      "dev.eddy", "dev.eddy.api", "dev.eddy.rdd", "dev.eddy.storage", "dev.eddy.dag", "dev.eddy.streaming",
      "dev.eddy.streaming.dstream");

  /** The packages the {@code jshell} tool imports on demand by default. */
  static final List<String> JSHELL_DEFAULT_PACKAGES = List.of(
      "java.io", "java.math", "java.net", "java.nio.file", "java.util", "java.util.concurrent",
      "java.util.function", "java.util.prefs", "java.util.regex", "java.util.stream");

  private StartupSnippets() {}

  /** Returns the start-up snippets, in evaluation order. */
  static List<String> all() {
    List<String> snippets = new ArrayList<>();
    for (String pkg : JSHELL_DEFAULT_PACKAGES) {
      snippets.add("import " + pkg + ".*;");
    }
    List<String> clashes = new ArrayList<>();
    for (String pkg : PACKAGES) {
      Set<String> names = classNamesOf(pkg);
      if (names.isEmpty()) {
        continue;
      }
      snippets.add("import " + pkg + ".*;");
      for (String name : names) {
        if (clashesWithDefaults(name) && isPublicClass(pkg + "." + name)) {
          clashes.add("import " + pkg + "." + name + ";");
        }
      }
    }
    snippets.addAll(clashes);
    snippets.add("dev.eddy.EddyContext sc = dev.eddy.kernel.Bindings.sc();");
    snippets.add("dev.eddy.streaming.StreamingContext ssc = dev.eddy.kernel.Bindings.ssc();");
    snippets.add("import dev.eddy.kernel.DisplayHandle;");
    snippets.add("import dev.eddy.kernel.MimeBundle;");
    snippets.add("import dev.eddy.kernel.Renderers;");
    snippets.add("DisplayHandle display(Object value) { return dev.eddy.kernel.Bindings.display(value); }");
    snippets.add("void clearOutput() { dev.eddy.kernel.Bindings.clearOutput(); }");
    snippets.add("dev.eddy.kernel.Html html(String source) { return dev.eddy.kernel.Bindings.html(source); }");
    snippets.add("dev.eddy.kernel.Markdown markdown(String source) { return dev.eddy.kernel.Bindings.markdown(source); }");
    snippets.add("dev.eddy.kernel.Svg svg(String source) { return dev.eddy.kernel.Bindings.svg(source); }");
    return snippets;
  }

  private static boolean clashesWithDefaults(String simpleName) {
    for (String pkg : JSHELL_DEFAULT_PACKAGES) {
      try {
        Class<?> jdk = Class.forName(pkg + "." + simpleName, false, null);
        if (java.lang.reflect.Modifier.isPublic(jdk.getModifiers())) {
          return true;
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // not in this package
      }
    }
    return false;
  }

  /** Top-level class names of {@code pkg} found on the class path (public or not). */
  static Set<String> classNamesOf(String pkg) {
    Set<String> names = new TreeSet<>();
    String dir = pkg.replace('.', '/') + "/";
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      try {
        if (Files.isDirectory(path)) {
          listDirectory(path.resolve(dir), names);
        } else if (Files.isRegularFile(path)) {
          listJar(path, dir, names);
        }
      } catch (IOException e) {
        // an unreadable class path entry adds no names
      }
    }
    return names;
  }

  private static void listDirectory(Path dir, Set<String> names) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.class")) {
      for (Path file : files) {
        addClassName(file.getFileName().toString(), names);
      }
    }
  }

  private static void listJar(Path jar, String dir, Set<String> names) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.startsWith(dir) && name.indexOf('/', dir.length()) < 0) {
          addClassName(name.substring(dir.length()), names);
        }
      }
    }
  }

  private static void addClassName(String fileName, Set<String> names) {
    if (fileName.endsWith(".class") && !fileName.contains("$") && !fileName.startsWith("package-info")
        && !fileName.startsWith("module-info")) {
      names.add(fileName.substring(0, fileName.length() - ".class".length()));
    }
  }

  private static boolean isPublicClass(String name) {
    try {
      Class<?> c = Class.forName(name, false, StartupSnippets.class.getClassLoader());
      return java.lang.reflect.Modifier.isPublic(c.getModifiers());
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
