package dev.eddy.kernel;

import java.util.Objects;

/**
 * An SVG image to be shown as such, from {@code svg("<svg ...>...</svg>")} in a cell. Immutable.
 *
 * @param source the SVG document or element
 */
public record Svg(String source) {
  /** Checks that the source is present and is SVG. */
  public Svg {
    Objects.requireNonNull(source, "svg source");
    if (!source.contains("<svg")) {
      throw new IllegalArgumentException("not SVG (no <svg> element): "
          + source.substring(0, Math.min(40, source.length())));
    }
  }
}
