package dev.eddy.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Completion, inspection and completeness through {@link JShellEvaluator#analyze}. */
class CodeAnalysisTest {
  private static JShellEvaluator evaluator;

  @BeforeAll
  static void start() {
    evaluator = new JShellEvaluator(System.err);
    evaluator.evaluateStartup(List.of("import java.util.*;"));
    evaluator.evaluate("String word = \"w\";\nint twice(int x) { return 2 * x; }", 1);
  }

  @AfterAll
  static void stop() {
    evaluator.close();
  }

  private static CodeAnalysis.Completion complete(String code, int cursor) {
    return evaluator.analyze(a -> a.complete(code, cursor), null);
  }

  @Test
  void membersAfterADotReplaceFromTheDot() {
    CodeAnalysis.Completion completion = complete("word.isEm", 9);
    assertEquals(List.of("isEmpty()"), completion.matches());
    assertEquals(5, completion.start());
    assertEquals(9, completion.end());
  }

  @Test
  void namesFromEarlierCellsTypesAndKeywords() {
    assertEquals(List.of("twice("), complete("twi", 3).matches());
    assertTrue(complete("ArrayL", 6).matches().contains("ArrayList"));
    assertEquals(List.of("while"), complete("whil", 4).matches());
  }

  @Test
  void completesInTheSnippetHoldingTheCursor() {
    String cell = "int q = 1;\n%time q\nword.toUpperC\nint r = 2;";
    int cursor = cell.indexOf("toUpperC") + "toUpperC".length();
    CodeAnalysis.Completion completion = complete(cell, cursor);
    assertEquals(List.of("toUpperCase("), completion.matches());
    assertEquals(cell.indexOf("toUpperC"), completion.start());
    assertEquals(cursor, completion.end());
  }

  @Test
  void completesTheJavaArgumentsOfAMagic() {
    CodeAnalysis.Completion completion = complete("%time word.isEm", 15);
    assertEquals(List.of("isEmpty()"), completion.matches());
    assertEquals(11, completion.start());
  }

  @Test
  void nothingToCompleteGivesNoMatches() {
    CodeAnalysis.Completion completion = complete("int zz = 1; zzzzz", 17);
    assertTrue(completion.matches().isEmpty());
    assertEquals(12, completion.start());
  }

  @Test
  void inspectionShowsSignaturesOfEveryOverload() {
    String text = evaluator.analyze(a -> a.inspect("Math.abs", 8), null);
    assertTrue(text.contains("int Math.abs(int a)"), text);
    assertTrue(text.contains("double Math.abs(double a)"), text);
    assertTrue(evaluator.analyze(a -> a.inspect("twice(3)", 2), null).contains("int twice(int x)"));
    assertEquals("word:java.lang.String", evaluator.analyze(a -> a.inspect("word", 4), null));
    assertNull(evaluator.analyze(a -> a.inspect("", 0), "none"));
  }

  @Test
  void completenessWithIndentForOpenBrackets() {
    assertEquals(CodeAnalysis.Completeness.COMPLETE, completeness("int a = 1;\na + 1"));
    assertEquals(new CodeAnalysis.Completeness("incomplete", "    "), completeness("if (true) {"));
    assertEquals(new CodeAnalysis.Completeness("incomplete", "        "), completeness("class K {\n  void f() {\n"));
    assertEquals(new CodeAnalysis.Completeness("incomplete", ""), completeness("int b = 1 +"));
    assertEquals(CodeAnalysis.Completeness.INVALID, completeness("int c = ;"));
    assertEquals(CodeAnalysis.Completeness.COMPLETE, completeness("%%html\n<b>"));
    assertEquals(CodeAnalysis.Completeness.COMPLETE, completeness("%time 1\n2"));
  }

  @Test
  void bracketsInStringsAndCommentsDoNotCount() {
    assertEquals(1, CodeAnalysis.openBrackets("f(\"(((\", '{' // {{{\n"));
  }

  @Test
  void javadocSummaryIsTheFirstSentence() {
    assertEquals("Returns the size.", CodeAnalysis.summary("Returns the {@code size}. More.\n@param a b"));
    assertEquals("Adds one.", CodeAnalysis.summary("Adds <b>one</b>. Then more."));
    assertEquals("", CodeAnalysis.summary(null));
  }

  private static CodeAnalysis.Completeness completeness(String code) {
    return evaluator.analyze(a -> a.completeness(code), null);
  }
}
