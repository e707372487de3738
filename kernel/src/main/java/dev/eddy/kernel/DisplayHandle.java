package dev.eddy.kernel;

/**
 * One output shown by {@code display(x)}, which can be replaced later: {@code update(y)} shows
 * {@code y} in its place, {@code clear()} empties it.
 *
 * <p>Works from any thread and after the cell that displayed it has finished (a stream's listener
 * can update a table as batches arrive). Updates are sent as {@code update_display_data} with this
 * handle's display id, addressed to the cell running at that moment if there is one (clients that
 * record only the running cell's messages, like headless notebook runs, then apply it too), else
 * to the cell that displayed it. Thread-safe.
 */
public final class DisplayHandle {
  private final String displayId;
  private final Displays displays;
  private final Object origin;

  DisplayHandle(String displayId, Displays displays, Object origin) {
    this.displayId = displayId;
    this.displays = displays;
    this.origin = origin;
  }

  /** Returns the display id shared by the output and its updates. */
  public String displayId() {
    return displayId;
  }

  /** Replaces the output with {@code value}, rendered like a cell's value. */
  public void update(Object value) {
    displays.update(this, Renderers.render(value));
  }

  /** Empties the output (it stays in place, so a later {@link #update} fills it again). */
  public void clear() {
    displays.update(this, MimeBundle.text(""));
  }

  /** The request of the cell that displayed it (a library message context), or null. */
  Object origin() {
    return origin;
  }

  @Override
  public String toString() {
    return "DisplayHandle[" + displayId + "]";
  }
}
