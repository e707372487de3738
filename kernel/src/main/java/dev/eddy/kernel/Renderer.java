package dev.eddy.kernel;

/**
 * Renders values of one type for display in a notebook; see {@link Renderers#register}.
 *
 * <p>Called on the cell worker, or on whichever thread displays or updates a value;
 * implementations should be stateless.
 *
 * @param <T> the type rendered
 */
@FunctionalInterface
public interface Renderer<T> {
  /** Returns {@code value} rendered, or null to fall back to its {@code toString()}. */
  MimeBundle render(T value);
}
