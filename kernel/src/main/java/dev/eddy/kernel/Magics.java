package dev.eddy.kernel;

/** Placeholder replaced below. */
final class Magics {
  private Magics() {}

  /** Replaces every magic line ({@code %...} as first non-blank) by spaces, keeping offsets. */
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

  static boolean isMagicLine(String line) {
    return line.stripLeading().startsWith("%");
  }
}
