package dev.eddy.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds IPython-style magics in a cell: a line magic is a line whose first non-blank character is
 * {@code %} ({@code %time sc.parallelize(xs).count()}), a cell magic is a first line starting with
 * {@code %%} ({@code %%html}) and applies to the rest of the cell.
 *
 * <p>Java code between magic lines is kept at its place in the cell (everything else blanked out,
 * line breaks kept), so errors in it still name the cell's lines.
 */
final class Magics {
  /**
   * A magic invocation.
   *
   * @param name the magic's name, without the percent signs
   * @param args the rest of its line, trimmed
   * @param argsOffset where {@code args} starts in the cell
   * @param body for a cell magic, the cell after its first line; empty for line magics
   * @param bodyOffset where {@code body} starts in the cell
   */
  record Invocation(String name, String args, int argsOffset, String body, int bodyOffset) {}

  /** A part of a cell, run in order: Java code or a line magic. */
  sealed interface Part permits Code, Line {}

  /** Java code: the cell with everything but these lines blanked out. */
  record Code(String source) implements Part {}

  /** A line magic. */
  record Line(Invocation magic) implements Part {}

  private Magics() {}

  /** Returns the cell magic of {@code cell}, or null if its first non-blank line is not one. */
  static Invocation cellMagic(String cell) {
    int start = 0;
    while (start < cell.length() && Character.isWhitespace(cell.charAt(start))) {
      start++;
    }
    if (!cell.startsWith("%%", start)) {
      return null;
    }
    int nl = cell.indexOf('\n', start);
    int end = nl < 0 ? cell.length() : nl;
    Invocation head = parse(cell, start + 2, end);
    int bodyOffset = nl < 0 ? cell.length() : nl + 1;
    return new Invocation(head.name(), head.args(), head.argsOffset(), cell.substring(bodyOffset), bodyOffset);
  }

  /** Whether any line of {@code cell} is a magic. */
  static boolean hasMagic(String cell) {
    for (String line : cell.split("\n", -1)) {
      if (isMagicLine(line)) {
        return true;
      }
    }
    return false;
  }

  /** Cuts a cell without a cell magic into Java code and line magics, in order. */
  static List<Part> parts(String cell) {
    List<Part> parts = new ArrayList<>();
    int codeStart = -1;
    int lineStart = 0;
    while (lineStart <= cell.length()) {
      int nl = cell.indexOf('\n', lineStart);
      int end = nl < 0 ? cell.length() : nl;
      String line = cell.substring(lineStart, end);
      if (isMagicLine(line)) {
        if (codeStart >= 0) {
          parts.add(new Code(keepOnly(cell, codeStart, lineStart)));
          codeStart = -1;
        }
        int percent = cell.indexOf('%', lineStart);
        parts.add(new Line(parse(cell, percent + 1, end)));
      } else if (codeStart < 0 && !line.isBlank()) {
        codeStart = lineStart;
      }
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
    }
    if (codeStart >= 0) {
      parts.add(new Code(keepOnly(cell, codeStart, cell.length())));
    }
    return parts;
  }

  /**
   * Returns {@code text} placed at {@code offset} of {@code cell}: what precedes it is blanked out,
   * line breaks kept, so that line numbers in errors are the cell's.
   */
  static String placed(String cell, int offset, String text) {
    return blank(cell.substring(0, offset)) + text;
  }

  /** Replaces every magic line by spaces, keeping offsets. */
  static String blankMagicLines(String cell) {
    StringBuilder out = new StringBuilder(cell.length());
    int lineStart = 0;
    while (lineStart <= cell.length()) {
      int nl = cell.indexOf('\n', lineStart);
      int end = nl < 0 ? cell.length() : nl;
      String line = cell.substring(lineStart, end);
      out.append(isMagicLine(line) ? " ".repeat(line.length()) : line);
      if (nl < 0) {
        break;
      }
      out.append('\n');
      lineStart = nl + 1;
    }
    return out.toString();
  }

  /**
   * Blanks magic lines for code analysis of the text before a cursor: all of each magic line but
   * the last, whose arguments ({@code %time sc.paral}) are Java code to complete.
   */
  static String blankForAnalysis(String textBeforeCursor) {
    int lastLine = textBeforeCursor.lastIndexOf('\n') + 1;
    String last = textBeforeCursor.substring(lastLine);
    String head = blankMagicLines(textBeforeCursor.substring(0, lastLine));
    if (!isMagicLine(last)) {
      return head + last;
    }
    int nameEnd = last.indexOf('%');
    while (nameEnd < last.length() && !Character.isWhitespace(last.charAt(nameEnd))) {
      nameEnd++;
    }
    return head + " ".repeat(nameEnd) + last.substring(nameEnd);
  }

  static boolean isMagicLine(String line) {
    return line.stripLeading().startsWith("%");
  }

  private static String keepOnly(String cell, int from, int to) {
    return blank(cell.substring(0, from)) + cell.substring(from, to);
  }

  private static String blank(String text) {
    return text.replaceAll("[^\n]", " ");
  }

  /** Parses {@code name args} from {@code start} (after the percent signs) to {@code end}. */
  private static Invocation parse(String cell, int start, int end) {
    int nameEnd = start;
    while (nameEnd < end && !Character.isWhitespace(cell.charAt(nameEnd))) {
      nameEnd++;
    }
    int argsStart = nameEnd;
    while (argsStart < end && Character.isWhitespace(cell.charAt(argsStart))) {
      argsStart++;
    }
    return new Invocation(cell.substring(start, nameEnd), cell.substring(argsStart, end).strip(), argsStart, "", end);
  }
}
