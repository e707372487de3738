package dev.eddy.kernel;

/**
 * What evaluating a cell produced: the value of its last expression, or an error.
 *
 * @param value the value of the cell's last expression, null if none or null
 * @param hasValue whether the cell ended with an expression that has a (non-void) value
 * @param error why the cell failed, null if it did not
 * @param page text for the front end's pager (documentation), null if none
 */
record CellResult(Object value, boolean hasValue, CellError error, MimeBundle page) {
  static CellResult nothing() {
    return new CellResult(null, false, null, null);
  }

  static CellResult value(Object value) {
    return new CellResult(value, true, null, null);
  }

  static CellResult failed(CellError error) {
    return new CellResult(null, false, error, null);
  }

  /** A cell whose output is {@code page}, shown in the front end's pager. */
  static CellResult paged(MimeBundle page) {
    return new CellResult(null, false, null, page);
  }

  boolean failed() {
    return error != null;
  }
}
