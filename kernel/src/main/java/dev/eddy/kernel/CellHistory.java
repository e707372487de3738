package dev.eddy.kernel;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells executed in this session, kept in memory, answering {@code history_request}s.
 *
 * <p>Without a history manager the library sends no reply at all and clients wait for their
 * timeout. Supports the three access types: tail, range (current session only) and search (glob
 * patterns, optionally unique).
 */
final class CellHistory implements HistoryManager {
  /** Session number reported for this kernel's session. */
  static final int SESSION = 1;

  private record Cell(int number, String input) {}

  private final List<Cell> cells = new ArrayList<>();

  synchronized void add(int executionCount, String input) {
    cells.add(new Cell(executionCount, input));
  }

  @Override
  public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
    int from = Math.max(0, cells.size() - Math.max(0, length));
    return entries(cells.subList(from, cells.size()), flags);
  }

  @Override
  public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
    List<Cell> found = new ArrayList<>();
    if (session == 0 || session == SESSION) {
      for (Cell cell : cells) {
        if (cell.number() >= start && (stop <= 0 || cell.number() < stop)) {
          found.add(cell);
        }
      }
    }
    return entries(found, flags);
  }

  @Override
  public synchronized List<HistoryEntry> search(String glob, int length, Set<ResultFlag> flags) {
    Pattern pattern = Pattern.compile(globToRegex(glob == null || glob.isEmpty() ? "*" : glob), Pattern.DOTALL);
    List<Cell> found = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = cells.size() - 1; i >= 0; i--) {
      Cell cell = cells.get(i);
      if (!pattern.matcher(cell.input()).matches()) {
        continue;
      }
      if (flags.contains(ResultFlag.UNIQUE) && !seen.add(cell.input())) {
        continue;
      }
      found.add(0, cell);
      if (length > 0 && found.size() >= length) {
        break;
      }
    }
    return entries(found, flags);
  }

  private static List<HistoryEntry> entries(List<Cell> cells, Set<ResultFlag> flags) {
    List<HistoryEntry> entries = new ArrayList<>();
    for (Cell cell : cells) {
      entries.add(flags.contains(ResultFlag.INCLUDE_OUTPUT)
          ? new HistoryEntry(SESSION, cell.number(), cell.input(), "")
          : new HistoryEntry(SESSION, cell.number(), cell.input()));
    }
    return entries;
  }

  /** Translates an sqlite glob ({@code *}, {@code ?}, {@code [..]}) to a regex. */
  static String globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    boolean inClass = false;
    for (char c : glob.toCharArray()) {
      if (inClass) {
        if (c == ']') {
          inClass = false;
          regex.append(']');
        } else if (c == '\\') {
          regex.append("\\\\");
        } else {
          regex.append(c);
        }
        continue;
      }
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        case '[' -> {
          inClass = true;
          regex.append('[');
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (inClass) {
      regex.append(']');
    }
    return regex.toString();
  }
}
