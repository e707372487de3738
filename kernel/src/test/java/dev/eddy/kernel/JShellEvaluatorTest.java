package dev.eddy.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Evaluation and error mapping of {@link JShellEvaluator}, without Jupyter or the engine. */
class JShellEvaluatorTest {
  private static JShellEvaluator evaluator;

  @BeforeAll
  static void start() {
    evaluator = new JShellEvaluator(System.err);
    evaluator.evaluateStartup(List.of("import java.util.*;"));
  }

  @AfterAll
  static void stop() {
    evaluator.close();
  }

  @Test
  void lastExpressionIsTheValue() {
    CellResult result = evaluator.evaluate("int a = 20;\na + 1", 1);
    assertTrue(result.hasValue());
    assertEquals(21, result.value());
  }

  @Test
  void declarationsAndVoidCallsHaveNoValue() {
    assertFalse(evaluator.evaluate("int b = 3;", 1).hasValue());
    assertFalse(evaluator.evaluate("System.out.print(\"\")", 1).hasValue());
  }

  @Test
  void aVariableNameShowsTheVariable() {
    evaluator.evaluate("List<Integer> items = List.of(1, 2);", 1);
    CellResult result = evaluator.evaluate("items", 2);
    assertEquals(List.of(1, 2), result.value());
  }

  @Test
  void compileErrorsNameTheCellLine() {
    CellResult result = evaluator.evaluate("int c = 1;\n\nint d = nope + 1;", 7);
    assertEquals(CellErrors.COMPILATION, result.error().ename());
    assertEquals("line 3: cannot find symbol", result.error().evalue());
    assertTrue(String.join("\n", result.error().traceback()).contains("int d = nope + 1;\n            ^"));
  }

  @Test
  void runtimeErrorsNameTheCellLine() {
    CellResult result = evaluator.evaluate("int[] e = new int[1];\n\ne[3] = 1;", 8);
    assertEquals("java.lang.ArrayIndexOutOfBoundsException", result.error().ename());
    assertTrue(result.error().evalue().contains("at line 3 of the cell"), result.error().evalue());
  }

  @Test
  void framesOfEarlierCellsNameThatCell() {
    evaluator.evaluate("void fail() {\n  throw new IllegalStateException(\"zero\");\n}", 10);
    CellResult result = evaluator.evaluate("\nfail();", 11);
    String traceback = String.join("\n", result.error().traceback());
    assertTrue(traceback.contains("at fail() (line 2 of cell [10])"), traceback);
    assertTrue(traceback.contains("    at line 2 of the cell"), traceback);
  }

  @Test
  void unresolvedReferencesAreErrors() {
    CellResult result = evaluator.evaluate("class Holder { Missing m; }", 12);
    assertEquals(CellErrors.COMPILATION, result.error().ename());
    assertTrue(result.error().evalue().contains("Missing"), result.error().evalue());
  }

  @Test
  void stopsAtTheFirstFailingSnippet() {
    evaluator.evaluate("int counter = 0;", 13);
    evaluator.evaluate("counter++;\nthrow new RuntimeException(\"x\");\ncounter++;", 14);
    assertEquals(1, evaluator.evaluate("counter", 15).value());
  }

  @Test
  void interruptStopsABusyLoop() throws Exception {
    CompletableFuture<CellResult> cell = CompletableFuture.supplyAsync(() -> evaluator.evaluate("while (true) {}", 16));
    Thread.sleep(300);
    evaluator.interrupt();
    CellResult result = cell.get(5, TimeUnit.SECONDS);
    assertEquals(CellErrors.INTERRUPTED, result.error().ename());
    evaluator.clearInterrupt();
    assertNull(evaluator.evaluate("1 + 2", 17).error());
  }
}
