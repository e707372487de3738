package dev.eddy.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A record declared in a cell is cached at a serialized level and read back by task threads:
 * the serializer must resolve the snippet's class through the notebook's class loader.
 */
class SerializedStorageInCellsTest {
  @Test
  void snippetRecordsRoundTripThroughSerializedLevels() {
    JShellEvaluator evaluator = new JShellEvaluator(System.err);
    try {
      evaluator.evaluateStartup(List.of("import java.util.*;", "import dev.eddy.*;", "import dev.eddy.storage.*;"));
      assertNull(evaluator.evaluate("EddyContext sc = new EddyContext(\"local[2]\", \"cells\");", 1).error());
      assertNull(evaluator.evaluate("sc.parallelize(List.of(1, 2), 2).map(x -> x).collect();", 2).error());
      assertNull(evaluator.evaluate("record P(int x) implements java.io.Serializable {}", 3).error());
      CellResult r = evaluator.evaluate(
          "var r = sc.parallelize(List.of(new P(1), new P(2)), 2).persist(StorageLevel.MEMORY_ONLY_SER);\n"
              + "r.collect();\nr.collect().toString()", 4);
      assertNull(r.error());
      assertEquals("[P[x=1], P[x=2]]", r.value());
      evaluator.evaluate("sc.stop();", 5);
    } finally {
      evaluator.close();
    }
  }
}
