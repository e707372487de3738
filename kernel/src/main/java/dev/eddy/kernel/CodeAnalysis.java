package dev.eddy.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/**
 * Answers completion, inspection and {@code is_complete} requests about a cell with JShell's
 * {@link SourceCodeAnalysis}, which knows the session's imports, variables, methods and classes.
 *
 * <p>JShell analyses one snippet at a time, so a request about a cell is answered for the snippet
 * holding the cursor: the cell before the cursor is cut into snippets as evaluation would cut it.
 * Magic lines ({@code %name ...}) are blanked out first, except the arguments of one holding the
 * cursor. Not thread-safe: the evaluator calls it
 * under its shell lock.
 */
final class CodeAnalysis {
  /** Matches to replace the cell's text from {@code start} to {@code end} with. */
  record Completion(List<String> matches, int start, int end) {}

  /** The reply to {@code is_complete}: a status and, when incomplete, the next line's indent. */
  record Completeness(String status, String indent) {
    static final Completeness COMPLETE = new Completeness("complete", "");
    static final Completeness INVALID = new Completeness("invalid", "");
  }

  private static final List<String> KEYWORDS = List.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "continue",
      "default", "do", "double", "else", "enum", "extends", "false", "final", "finally", "float", "for",
      "if", "implements", "import", "instanceof", "int", "interface", "long", "new", "null", "private",
      "protected", "public", "record", "return", "short", "static", "super", "switch", "synchronized",
      "this", "throw", "throws", "true", "try", "var", "void", "volatile", "while", "yield");

  private final SourceCodeAnalysis analysis;

  CodeAnalysis(SourceCodeAnalysis analysis) {
    this.analysis = analysis;
  }

  /**
   * Completes the identifier or member name before {@code cursor}: members after a dot, then types,
   * variables and methods in scope, and keywords.
   */
  Completion complete(String cell, int cursor) {
    int at = clamp(cursor, cell);
    String prefix = Magics.blankForAnalysis(cell.substring(0, at));
    int start = snippetStart(prefix);
    String snippet = prefix.substring(start);
    int[] anchor = new int[1];
    Set<String> matches = new LinkedHashSet<>();
    for (Suggestion suggestion : analysis.completionSuggestions(snippet, snippet.length(), anchor)) {
      matches.add(suggestion.continuation());
    }
    int wordStart = identifierStart(snippet, snippet.length());
    String word = snippet.substring(wordStart);
    boolean afterDot = wordStart > 0 && snippet.charAt(wordStart - 1) == '.';
    if (!word.isEmpty() && !afterDot) {
      for (String keyword : KEYWORDS) {
        if (keyword.startsWith(word) && !keyword.equals(word)) {
          matches.add(keyword);
        }
      }
    }
    int from = matches.isEmpty() ? wordStart : Math.min(anchor[0], snippet.length());
    return new Completion(new ArrayList<>(matches), start + from, at);
  }

  /**
   * Returns the signatures of what is named at {@code cursor} (all overloads), each followed by
   * its Javadoc's first sentence when JShell finds the sources; null if nothing is found.
   */
  String inspect(String cell, int cursor) {
    int at = clamp(cursor, cell);
    int end = at;
    while (end < cell.length() && Character.isJavaIdentifierPart(cell.charAt(end))) {
      end++;
    }
    String prefix = Magics.blankForAnalysis(cell.substring(0, end));
    int start = snippetStart(prefix);
    String snippet = prefix.substring(start);
    List<Documentation> docs = analysis.documentation(snippet, snippet.length(), true);
    if (docs.isEmpty() && !snippet.endsWith("(")) {
      docs = analysis.documentation(snippet + "(", snippet.length() + 1, true);
    }
    if (docs.isEmpty()) {
      String type = analysis.analyzeType(snippet, snippet.length());
      String name = snippet.substring(identifierStart(snippet, snippet.length()));
      return type == null || type.isEmpty() || name.isEmpty() ? null : name + " : " + type;
    }
    StringBuilder text = new StringBuilder();
    for (Documentation doc : docs) {
      text.append(doc.signature()).append('\n');
      String summary = summary(doc.javadoc());
      if (!summary.isEmpty()) {
        text.append("    ").append(summary).append('\n');
      }
    }
    return text.toString().stripTrailing();
  }

  /** Whether the cell can run as is, needs more lines, or cannot compile whatever follows. */
  Completeness completeness(String cell) {
    if (cell.stripLeading().startsWith("%%")) {
      return Completeness.COMPLETE;
    }
    String remaining = Magics.blankMagicLines(cell);
    while (!remaining.isBlank()) {
      CompletionInfo info = analysis.analyzeCompletion(remaining);
      SourceCodeAnalysis.Completeness state = info.completeness();
      switch (state) {
        case EMPTY:
          return Completeness.COMPLETE;
        case UNKNOWN:
          return Completeness.INVALID;
        case DEFINITELY_INCOMPLETE:
        case CONSIDERED_INCOMPLETE:
          return new Completeness("incomplete", "    ".repeat(Math.max(0, openBrackets(cell))));
        default:
          break;
      }
      if (info.remaining().length() >= remaining.length()) {
        break;
      }
      remaining = info.remaining();
    }
    return Completeness.COMPLETE;
  }

  /** Where the snippet holding the end of {@code prefix} starts. */
  private int snippetStart(String prefix) {
    int start = 0;
    String remaining = prefix;
    while (true) {
      CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (!info.completeness().isComplete() || info.remaining().isBlank()) {
        return start;
      }
      int used = remaining.length() - info.remaining().length();
      if (used <= 0) {
        return start;
      }
      start += used;
      remaining = info.remaining();
    }
  }

  private static int identifierStart(String text, int end) {
    int i = end;
    while (i > 0 && Character.isJavaIdentifierPart(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Counts brackets left open, ignoring string and character literals and comments. */
  static int openBrackets(String code) {
    int depth = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"' || c == '\'') {
        i = skipLiteral(code, i, c);
      } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
        int nl = code.indexOf('\n', i);
        i = nl < 0 ? code.length() : nl;
      } else if (c == '{' || c == '(' || c == '[') {
        depth++;
      } else if (c == '}' || c == ')' || c == ']') {
        depth = Math.max(0, depth - 1);
      }
    }
    return depth;
  }

  private static int skipLiteral(String code, int open, char quote) {
    for (int i = open + 1; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n') {
        return i;
      }
    }
    return code.length();
  }

  /** The first sentence of a Javadoc comment, tags and HTML dropped. */
  static String summary(String javadoc) {
    if (javadoc == null || javadoc.isBlank()) {
      return "";
    }
    String text = javadoc.replaceAll("(?s)\\n\\s*@.*", "").replaceAll("<[^>]+>", "")
        .replaceAll("\\{@\\w+\\s+([^}]*)}", "$1").replaceAll("\\s+", " ").strip();
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  private static int clamp(int cursor, String cell) {
    return Math.max(0, Math.min(cursor, cell.length()));
  }
}
