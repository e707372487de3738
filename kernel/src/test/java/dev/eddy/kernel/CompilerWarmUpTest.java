package dev.eddy.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CompilerWarmUp}: what it runs, that it leaves the user's session alone, and stopping. */
class CompilerWarmUpTest {
  private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

  @Test
  void theCellsCoverValuesDeclarationsStatementsAndBothKindsOfError() {
    try (JShellEvaluator evaluator = new JShellEvaluator(QUIET)) {
      List<CellResult> results = CompilerWarmUp.CELLS.stream()
          .map(cell -> evaluator.evaluate(cell, 1))
          .toList();
      assertEquals(2, results.get(0).value());
      assertFalse(results.get(1).hasValue());
      assertEquals(6, results.get(2).value());
      assertEquals("hi you", results.get(4).value());
      assertEquals(List.of(2, 4, 6), results.get(5).value());
      assertFalse(results.get(6).failed());
      assertEquals("Point[x=1, y=2]", String.valueOf(results.get(7).value()));
      assertEquals(CellErrors.COMPILATION, results.get(8).error().ename());
      assertTrue(results.get(9).failed());
      assertEquals(8, results.stream().filter(r -> !r.failed()).count());
    }
  }

  @Test
  void runsAllItsEvaluationsInAShellOfItsOwn() {
    try (JShellEvaluator user = new JShellEvaluator(QUIET)) {
      user.evaluate("int warm = 41;", 1);
      assertEquals(CompilerWarmUp.EVALUATIONS, new CompilerWarmUp().run(QUIET));
      assertEquals(42, user.evaluate("warm + 1", 2).value());
      // The warm-up used up none of the user's temporary variable names.
      assertEquals(42, user.evaluate("$1", 3).value());
    }
  }

  @Test
  void aCellRequestedBeforeTheWarmUpMeansItRunsNothing() {
    CompilerWarmUp warmUp = new CompilerWarmUp();
    warmUp.stop();
    assertEquals(0, warmUp.run(QUIET));
  }

  @Test
  void stopEndsItBeforeItsNextCell() throws InterruptedException {
    CompilerWarmUp warmUp = new CompilerWarmUp();
    int[] ran = new int[1];
    Thread t = new Thread(() -> ran[0] = warmUp.run(QUIET));
    t.start();
    warmUp.stop();
    t.join();
    assertTrue(ran[0] < CompilerWarmUp.EVALUATIONS, "ran " + ran[0]);
  }
}
