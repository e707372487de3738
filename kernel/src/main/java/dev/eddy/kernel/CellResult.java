package dev.eddy.kernel;

/**
 * What evaluating a cell produced: the value of its last expression, or an error.
 *
 * @param value the value of the cell's last expression, null if none or null
 * @param hasValue whether the cell ended with an expression that has a (non-void) value
 * @param error why the cell failed, null if it did not
 */
record CellResult(Object value, boolean hasValue, CellError error) {
  static CellResult nothing() {
    return new CellResult(null, false, null);
  }

  static CellResult value(Object value) {
    return new CellResult(value, true, null);
  }

  static CellResult failed(CellError error) {
    return new CellResult(null, false, error);
  }

  boolean failed() {
    return error != null;
  }
}
