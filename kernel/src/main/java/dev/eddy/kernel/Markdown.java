package dev.eddy.kernel;

import java.util.Objects;

/**
 * Markdown to be shown rendered, from {@code markdown("# Title")} in a cell. Immutable.
 *
 * @param source the Markdown text
 */
public record Markdown(String source) {
  /** Checks that the source is present. */
  public Markdown {
    Objects.requireNonNull(source, "markdown source");
  }
}
