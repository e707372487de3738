package dev.eddy.kernel;

import java.io.PrintStream;
import java.util.List;

/**
 * A short scripted session run once at install time ({@code java -jar eddy-kernel.jar
 * --cds-warmup}) with {@code -XX:ArchiveClassesAtExit}, so that the classes a kernel loads to
 * start and run its first cells are stored in a class-data archive that later kernels map instead
 * of loading and verifying them again.
 *
 * <p>It builds the runtime as a kernel does (engine, JShell, start-up code), runs a few cells that
 * touch the common paths (expressions, declarations, printing, an RDD job with a shuffle, a
 * failing cell, completion, rendering, a diagram, a live-view table) and stops. Not thread-safe;
 * meant for the main thread of its own JVM.
 */
final class CdsWarmUp {
  /** The cells the warm-up runs, in order. */
  static final List<String> CELLS = List.of(
      "1 + 1",
      "int x = 1;",
      "String greeting = \"hello\"; greeting.length()",
      "System.out.println(x);",
      "var counts = sc.parallelize(List.of(\"a b\", \"b c\"), 2)\n"
          + "    .flatMap(l -> Arrays.asList(l.split(\" \")).iterator())\n"
          + "    .mapToPair(w -> new Tuple2<>(w, 1))\n"
          + "    .reduceByKey(Integer::sum);\n"
          + "counts.collect()",
      "List.of(1, 2, 3).stream().map(i -> i * 2).collect(Collectors.toList())",
      "undefinedName + 1",
      "%help");

  private CdsWarmUp() {}

  /**
   * Runs the warm-up session; returns how many cells ran without error. {@code log} receives
   * JShell's diagnostics. The cell that is meant to fail ({@code undefinedName + 1}) is not
   * counted.
   */
  static int run(PrintStream log) {
    EngineSession engine = EngineSession.start();
    Bindings.install(engine, null);
    try (JShellEvaluator evaluator = new JShellEvaluator(log)) {
      evaluator.evaluateStartup(StartupSnippets.all());
      CellInterpreter interpreter = new CellInterpreter(evaluator, MavenResolver.forUser());
      int ok = 0;
      int count = 1;
      for (String cell : CELLS) {
        CellResult result = interpreter.run(cell, count++);
        if (!result.failed()) {
          ok++;
          if (result.hasValue() && result.value() != null) {
            Renderers.displayData(result.value());
          }
        }
      }
      evaluator.analyze(a -> a.complete("sc.paral", "sc.paral".length()), null);
      evaluator.analyze(a -> a.inspect("Math.max", "Math.max".length()), null);
      DagWarmUp.run();
      TablesawWarmUp.run();
      return ok;
    } finally {
      engine.stop();
    }
  }
}
