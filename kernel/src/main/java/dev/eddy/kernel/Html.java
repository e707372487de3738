package dev.eddy.kernel;

import java.util.Objects;

/**
 * HTML to be shown as such, from {@code html("<b>x</b>")} in a cell. Immutable.
 *
 * @param source the HTML fragment
 */
public record Html(String source) {
  /** Checks that the source is present. */
  public Html {
    Objects.requireNonNull(source, "html source");
  }
}
