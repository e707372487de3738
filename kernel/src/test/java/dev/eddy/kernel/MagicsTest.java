package dev.eddy.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding magics in cells: {@link Magics}. */
class MagicsTest {
  @Test
  void aCellMagicTakesTheRestOfTheCell() {
    Magics.Invocation magic = Magics.cellMagic("\n%%time  quiet\nint a = 1;\na");
    assertEquals("time", magic.name());
    assertEquals("quiet", magic.args());
    assertEquals("int a = 1;\na", magic.body());
    assertEquals("\n%%time  quiet\n".length(), magic.bodyOffset());
  }

  @Test
  void aCellWithoutPercentSignsHasNoMagic() {
    assertNull(Magics.cellMagic("int a = 1 % 2;"));
    assertFalse(Magics.hasMagic("int a = 1 % 2;\na"));
    assertTrue(Magics.hasMagic("int a = 1;\n  %time a"));
  }

  @Test
  void lineMagicsCutTheCellIntoPartsThatKeepTheirLines() {
    String cell = "int a = 1;\nint b = 2;\n%time a + b\nint c = 3;";
    List<Magics.Part> parts = Magics.parts(cell);
    assertEquals(3, parts.size());
    assertEquals("int a = 1;\nint b = 2;\n", ((Magics.Code) parts.get(0)).source());
    Magics.Invocation time = ((Magics.Line) parts.get(1)).magic();
    assertEquals("time", time.name());
    assertEquals("a + b", time.args());
    assertEquals(cell.indexOf("a + b"), time.argsOffset());
    String last = ((Magics.Code) parts.get(2)).source();
    assertEquals(4, last.split("\n", -1).length, "the code stays on line 4");
    assertEquals("int c = 3;", last.strip());
  }

  @Test
  void aMagicWithoutArgumentsHasEmptyArgs() {
    List<Magics.Part> parts = Magics.parts("%help");
    assertEquals(1, parts.size());
    Magics.Invocation help = assertInstanceOf(Magics.Line.class, parts.get(0)).magic();
    assertEquals("help", help.name());
    assertEquals("", help.args());
  }

  @Test
  void placedTextKeepsItsLineAndColumn() {
    String cell = "x\n%time foo()";
    String placed = Magics.placed(cell, cell.indexOf("foo"), "foo()");
    assertEquals(" \n      foo()", placed);
  }

  @Test
  void blankingMagicLinesKeepsOffsets() {
    String cell = "int a = 1;\n%time a\na";
    String blanked = Magics.blankMagicLines(cell);
    assertEquals(cell.length(), blanked.length());
    assertEquals("int a = 1;\n       \na", blanked);
  }

  @Test
  void analysisKeepsTheArgumentsOfTheMagicLineAtTheCursor() {
    assertEquals("       \n      sc.paral", Magics.blankForAnalysis("%time 1\n%time sc.paral"));
    assertEquals("      \nint a", Magics.blankForAnalysis("%%time\nint a"));
    assertEquals("      ", Magics.blankForAnalysis("%%html"));
  }
}
