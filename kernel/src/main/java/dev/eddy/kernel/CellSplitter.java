package dev.eddy.kernel;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Cuts a cell into the snippets JShell evaluates one at a time, remembering where each starts in
 * the cell so that errors can name cell lines.
 */
final class CellSplitter {
  private final SourceCodeAnalysis analysis;

  CellSplitter(SourceCodeAnalysis analysis) {
    this.analysis = analysis;
  }

  /**
   * Returns the cell's snippets in order, each without surrounding white space (JShell's line
   * numbers count from the snippet's first non-blank line); a trailing incomplete one is marked so.
   */
  List<CellSnippet> split(String cell) {
    List<CellSnippet> snippets = new ArrayList<>();
    String remaining = cell;
    int consumed = 0;
    while (!remaining.isBlank()) {
      CompletionInfo info = analysis.analyzeCompletion(remaining);
      Completeness completeness = info.completeness();
      if (completeness == Completeness.EMPTY) {
        break;
      }
      if (!completeness.isComplete()) {
        int start = firstNonBlank(remaining);
        snippets.add(new CellSnippet(remaining.substring(start).strip(), consumed + start, false));
        break;
      }
      String source = info.source().strip();
      snippets.add(new CellSnippet(source, consumed + locate(remaining, source), true));
      int used = remaining.length() - info.remaining().length();
      if (used <= 0) {
        break;
      }
      consumed += used;
      remaining = info.remaining();
    }
    return snippets;
  }

  /** Finds where {@code source} (perhaps with an added semicolon) starts in {@code text}. */
  private static int locate(String text, String source) {
    String core = source.endsWith(";") ? source.substring(0, source.length() - 1) : source;
    int at = core.isEmpty() ? -1 : text.indexOf(core);
    return at >= 0 ? at : firstNonBlank(text);
  }

  private static int firstNonBlank(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
