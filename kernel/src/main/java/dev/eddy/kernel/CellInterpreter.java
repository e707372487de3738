package dev.eddy.kernel;

import dev.eddy.rdd.RDD;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.dstream.DStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Runs a cell: its Java code in JShell and its magics ({@link Magics}), in order; the value of the
 * last part is the cell's value.
 *
 * <p>Magics: {@code %help}, {@code %time}, {@code %%time}, {@code %%html}, {@code %%markdown},
 * {@code %streams}, {@code %stop}, {@code %dag}, {@code %classpath} and {@code %maven}; an unknown
 * one is an error listing the known ones. Used on the cell worker only.
 */
final class CellInterpreter {
  static final String USAGE_ERROR = "UsageError";

  /** The line magics and what they do, as {@code %help} lists them. */
  static final Map<String, String> LINE_MAGICS = orderedMap(
      "help", "%help - lists the magics",
      "time", "%time <statement or expression> - runs it and prints the wall time it took",
      "doc", "%doc <name> - shows the signatures and documentation of a method, type or variable in the pager",
      "streams", "%streams - lists the streaming contexts started (id, state, batch interval, batches)",
      "stop", "%stop [id|all] - stops one streaming context (id from %streams) or all of them",
      "dag", "%dag <rdd | ssc | dstream> - shows an RDD's lineage, a StreamingContext's DStream graph or a DStream's lineage as a diagram",
      "classpath", "%classpath <path or glob>... - adds jars or class directories to the class path",
      "maven", "%maven group:artifact:version - fetches a jar and its dependencies from Maven Central and adds them");

  /** The cell magics, which apply to the rest of the cell. */
  static final Map<String, String> CELL_MAGICS = orderedMap(
      "time", "%%time - runs the cell and prints the wall time it took",
      "html", "%%html - shows the cell as HTML",
      "markdown", "%%markdown - shows the cell as rendered Markdown");

  private final JShellEvaluator evaluator;
  private final StreamsMagic streams = new StreamsMagic();
  private final ClasspathMagic classpath;

  CellInterpreter(JShellEvaluator evaluator, MavenResolver maven) {
    this.evaluator = evaluator;
    this.classpath = new ClasspathMagic(evaluator, maven);
  }

  /** Runs {@code cell} as cell {@code executionCount}; never throws for anything the cell does. */
  CellResult run(String cell, int executionCount) {
    Magics.Invocation cellMagic = Magics.cellMagic(cell);
    if (cellMagic != null) {
      return runCellMagic(cellMagic, cell, executionCount);
    }
    if (!Magics.hasMagic(cell)) {
      return evaluator.evaluate(cell, executionCount);
    }
    CellResult result = CellResult.nothing();
    for (Magics.Part part : Magics.parts(cell)) {
      if (evaluator.interrupted()) {
        return CellResult.failed(CellErrors.interrupted());
      }
      if (part instanceof Magics.Code code) {
        result = evaluator.evaluate(code.source(), executionCount);
      } else {
        result = runLineMagic(((Magics.Line) part).magic(), cell, executionCount);
      }
      if (result.failed()) {
        return result;
      }
    }
    return result;
  }

  private CellResult runLineMagic(Magics.Invocation magic, String cell, int executionCount) {
    try {
      return switch (magic.name()) {
        case "help" -> CellResult.value(help());
        case "time" -> time(magic, evaluate(magic, cell, executionCount, "%time needs a statement or expression, e.g. %time sc.parallelize(List.of(1, 2)).count()"));
        case "doc" -> doc(magic);
        case "streams" -> CellResult.value(streams.table());
        case "stop" -> CellResult.value(streams.stop(magic.args()));
        case "dag" -> dag(magic, cell, executionCount);
        case "classpath" -> CellResult.value(classpath.add(magic.args()));
        case "maven" -> CellResult.value(classpath.maven(magic.args()));
        default -> usage("unknown magic %" + magic.name() + "; the magics are: " + known());
      };
    } catch (IllegalArgumentException | IllegalStateException e) {
      return usage("%" + magic.name() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      String message = "%" + magic.name() + " failed: " + e;
      return CellResult.failed(new CellError(e.getClass().getName(), message, List.of(message)));
    }
  }

  private CellResult runCellMagic(Magics.Invocation magic, String cell, int executionCount) {
    return switch (magic.name()) {
      case "time" -> {
        long start = System.nanoTime();
        CellResult result = run(Magics.placed(cell, magic.bodyOffset(), magic.body()), executionCount);
        printWallTime(System.nanoTime() - start);
        yield result;
      }
      case "html" -> CellResult.value(new Html(magic.body()));
      case "markdown" -> CellResult.value(new Markdown(magic.body()));
      default -> usage("unknown cell magic %%" + magic.name() + "; the cell magics are: %%"
          + String.join(", %%", CELL_MAGICS.keySet()) + " (line magics: " + known() + ")");
    };
  }

  /** Evaluates a magic's arguments as Java code at their place in the cell, timing it. */
  private Timed evaluate(Magics.Invocation magic, String cell, int executionCount, String usage) {
    if (magic.args().isEmpty()) {
      throw new IllegalArgumentException(usage);
    }
    long start = System.nanoTime();
    CellResult result = evaluator.evaluate(Magics.placed(cell, magic.argsOffset(), magic.args()), executionCount);
    return new Timed(result, System.nanoTime() - start);
  }

  private record Timed(CellResult result, long nanos) {}

  private static CellResult time(Magics.Invocation magic, Timed timed) {
    printWallTime(timed.nanos());
    return timed.result();
  }

  private CellResult dag(Magics.Invocation magic, String cell, int executionCount) {
    CellResult result = evaluate(magic, cell, executionCount, "%dag needs an RDD, StreamingContext or DStream expression, e.g. %dag counts or %dag ssc").result();
    if (result.failed()) {
      return result;
    }
    Object value = result.value();
    if (!(value instanceof RDD<?> || value instanceof StreamingContext || value instanceof DStream<?>)) {
      return usage("%dag needs an RDD, a StreamingContext or a DStream; " + magic.args() + " is "
          + (value == null ? "null" : "a " + value.getClass().getName()));
    }
    Method dag;
    try {
      dag = value.getClass().getMethod("dag");
    } catch (NoSuchMethodException e) {
      return usage("%dag: this RDD has no dag() yet (the engine in this kernel does not draw lineage)");
    }
    try {
      return CellResult.value(dag.invoke(value));
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      return usage("%dag: dag() failed: " + cause);
    } catch (IllegalAccessException e) {
      return usage("%dag: dag() is not accessible: " + e.getMessage());
    }
  }

  private CellResult doc(Magics.Invocation magic) {
    if (magic.args().isEmpty()) {
      return usage("%doc needs a name, e.g. %doc Math.max");
    }
    String text = evaluator.analyze(a -> a.inspect(magic.args(), magic.args().length()), null);
    return text == null ? usage("%doc: nothing is known about " + magic.args()) : CellResult.paged(MimeBundle.text(text));
  }

  static MimeBundle help() {
    StringBuilder text = new StringBuilder("Line magics (a line starting with %):\n");
    HtmlTable table = new HtmlTable("magic", "what it does");
    for (String line : LINE_MAGICS.values()) {
      text.append("  ").append(line).append('\n');
      table.row(line.substring(0, line.indexOf(" - ")), line.substring(line.indexOf(" - ") + 3));
    }
    text.append("Cell magics (a first line starting with %%):\n");
    for (String line : CELL_MAGICS.values()) {
      text.append("  ").append(line).append('\n');
      table.row(line.substring(0, line.indexOf(" - ")), line.substring(line.indexOf(" - ") + 3));
    }
    return MimeBundle.text(text.toString().stripTrailing()).html(table.toHtml());
  }

  private static String known() {
    return "%" + String.join(", %", LINE_MAGICS.keySet()) + ", %%" + String.join(", %%", CELL_MAGICS.keySet());
  }

  private static void printWallTime(long nanos) {
    double millis = nanos / 1e6;
    System.out.println(millis < 1000
        ? String.format(Locale.ROOT, "Wall time: %.2f ms", millis)
        : String.format(Locale.ROOT, "Wall time: %.3f s", millis / 1000));
  }

  private static CellResult usage(String message) {
    return CellResult.failed(new CellError(USAGE_ERROR, message, List.of(USAGE_ERROR + ": " + message)));
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
