package dev.eddy.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tail, range and glob search over executed cells. */
class CellHistoryTest {
  private static List<String> inputs(List<HistoryEntry> entries) {
    return entries.stream().map(HistoryEntry::getInput).toList();
  }

  private static CellHistory history() {
    CellHistory history = new CellHistory();
    history.add(1, "int a = 1;");
    history.add(2, "a + 1");
    history.add(3, "int b = 2;");
    history.add(4, "int a = 1;");
    return history;
  }

  @Test
  void tailReturnsTheLastCells() {
    assertEquals(List.of("int b = 2;", "int a = 1;"), inputs(history().lookupTail(2, EnumSet.noneOf(ResultFlag.class))));
  }

  @Test
  void rangeIsStartInclusiveStopExclusive() {
    assertEquals(List.of("a + 1", "int b = 2;"), inputs(history().lookupRange(0, 2, 4, EnumSet.noneOf(ResultFlag.class))));
  }

  @Test
  void searchMatchesGlobsAndCanBeUnique() {
    assertEquals(List.of("int a = 1;", "int b = 2;", "int a = 1;"),
        inputs(history().search("int*", 10, EnumSet.noneOf(ResultFlag.class))));
    assertEquals(List.of("int b = 2;", "int a = 1;"),
        inputs(history().search("int ?*", 10, EnumSet.of(ResultFlag.UNIQUE))));
    assertEquals(List.of("int b = 2;"), inputs(history().search("int [b-z]*", 10, EnumSet.noneOf(ResultFlag.class))));
  }
}
