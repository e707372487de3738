package dev.eddy.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Raw frames of cell lambdas that fail on other threads, mapped to cell lines by {@link
 * JShellEvaluator#withCellLines} (needs jdk.jshell opened to the kernel, as the kernelspec and
 * the test configuration do).
 */
class FailureFramesTest {
  private static JShellEvaluator evaluator;

  @BeforeAll
  static void start() {
    evaluator = new JShellEvaluator(System.err);
    evaluator.evaluateStartup(List.of("import java.util.*;", "import java.util.function.*;"));
  }

  @AfterAll
  static void stop() {
    evaluator.close();
  }

  @Test
  void aLambdaFrameFromAnotherThreadNamesItsCellLine() {
    evaluator.evaluate("int unrelated = 0;\nSupplier<String> failing = () -> {\n  throw new IllegalStateException(\"x\");\n};", 4);
    CellResult frame = evaluator.evaluate(
        "var box = new String[1];\n"
            + "Thread t = new Thread(() -> { try { failing.get(); } catch (IllegalStateException e) { box[0] = e.getStackTrace()[0].toString(); } });\n"
            + "t.start(); t.join();\nbox[0]", 5);
    String raw = (String) frame.value();
    assertTrue(raw.contains("$JShell$"), raw);
    String reason = "print failed: java.lang.IllegalStateException: x (at " + raw + ")";
    assertEquals("print failed: java.lang.IllegalStateException: x (at a lambda, line 3 of cell [4])",
        evaluator.withCellLines(reason));
  }

  @Test
  void textWithoutSnippetFramesIsUnchanged() {
    String reason = "failed: java.lang.NumberFormatException (at java.base/java.lang.Integer.parseInt(Integer.java:1))";
    assertEquals(reason, evaluator.withCellLines(reason));
    String unknown = "x (at REPL.$JShell$99999.lambda$do_it$0($JShell$99999.java:3))";
    assertEquals(unknown, evaluator.withCellLines(unknown));
  }
}
