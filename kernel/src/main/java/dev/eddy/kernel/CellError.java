package dev.eddy.kernel;

import java.util.List;

/**
 * Why a cell failed, in the shape of a Jupyter {@code error} message.
 *
 * @param ename the error's name: an exception's class, {@code CompilationException}, {@code
 *     Interrupted}
 * @param evalue a one-line summary
 * @param traceback the lines to show, with cell line numbers
 */
record CellError(String ename, String evalue, List<String> traceback) {
  CellError {
    traceback = List.copyOf(traceback);
  }
}
