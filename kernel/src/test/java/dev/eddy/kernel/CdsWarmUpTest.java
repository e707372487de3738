package dev.eddy.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The scripted session that records the class-data archive at install time. */
class CdsWarmUpTest {
  @Test
  void runsEveryCellButTheFailingOne() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int ok = CdsWarmUp.run(new PrintStream(log, true, StandardCharsets.UTF_8));
    assertEquals(CdsWarmUp.CELLS.size() - 1, ok, log.toString(StandardCharsets.UTF_8));
  }

  @Test
  void exercisesAnEngineJobAndAFailure() {
    assertTrue(CdsWarmUp.CELLS.stream().anyMatch(c -> c.contains("reduceByKey")));
    assertTrue(CdsWarmUp.CELLS.contains("undefinedName + 1"));
  }
}
