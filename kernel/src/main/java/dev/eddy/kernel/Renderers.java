package dev.eddy.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns values into what a notebook shows, by type: a cell's last expression, {@code display(x)}
 * and display updates all go through here.
 *
 * <p>A renderer registered for a class or interface applies to its subtypes; the most specific
 * registration wins (the class itself, then its superclasses, then interfaces breadth-first).
 * Arrays, primitive ones included, use the renderer registered for {@code Object[].class}, which
 * therefore receives them as {@code Object}. Anything without a renderer, or
 * whose renderer returns null or throws, is shown as {@code text/plain} via {@code toString()}.
 * The kernel registers {@link BuiltInRenderers} at start; cells may add their own:
 *
 * <pre>{@code
 * Renderers.register(Point.class, p -> MimeBundle.text(p.toString()).html("<b>" + p + "</b>"));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Renderers {
  private static final Logger LOG = Logger.getLogger(Renderers.class.getName());
  private static final Map<Class<?>, Renderer<Object>> BY_TYPE = new ConcurrentHashMap<>();

  static {
    BuiltInRenderers.registerAll();
  }

  private Renderers() {}

  /** Registers how to render values of {@code type} and its subtypes, replacing an earlier one. */
  public static <T> void register(Class<T> type, Renderer<? super T> renderer) {
    if (type == null || renderer == null) {
      throw new IllegalArgumentException("register needs a type and a renderer, got " + type + ", " + renderer);
    }
    if (type == Object[].class) {
      @SuppressWarnings("unchecked") // arrays of primitives too, which Object[] cannot cast
      Renderer<Object> arrays = (Renderer<Object>) renderer;
      BY_TYPE.put(type, arrays);
      return;
    }
    BY_TYPE.put(type, value -> renderer.render(type.cast(value)));
  }

  /** Renders {@code value}; null renders as the text {@code null}. */
  public static MimeBundle render(Object value) {
    if (value != null) {
      Renderer<Object> renderer = find(value.getClass());
      if (renderer != null) {
        try {
          MimeBundle bundle = renderer.render(value);
          if (bundle != null) {
            return bundle;
          }
        } catch (RuntimeException | LinkageError e) {
          LOG.log(Level.WARNING, "rendering a " + value.getClass().getName() + " failed", e);
          return MimeBundle.text(safeToString(value) + "\n(rendering failed: " + e + ")");
        }
      }
    }
    return MimeBundle.text(safeToString(value));
  }

  /** Renders {@code value} as the library's display data. */
  static DisplayData displayData(Object value) {
    return toDisplayData(render(value));
  }

  static DisplayData toDisplayData(MimeBundle bundle) {
    DisplayData data = new DisplayData(bundle.text());
    for (Map.Entry<String, String> form : bundle.data().entrySet()) {
      if (!form.getKey().equals("text/plain")) {
        data.putData(form.getKey(), form.getValue());
      }
    }
    return data;
  }

  private static String safeToString(Object value) {
    try {
      return String.valueOf(value);
    } catch (RuntimeException e) {
      return value.getClass().getName() + " (toString failed: " + e + ")";
    }
  }

  private static Renderer<Object> find(Class<?> type) {
    if (type.isArray()) {
      return BY_TYPE.get(Object[].class);
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      Renderer<Object> renderer = BY_TYPE.get(c);
      if (renderer != null) {
        return renderer;
      }
    }
    Deque<Class<?>> queue = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      queue.addAll(List.of(c.getInterfaces()));
    }
    while (!queue.isEmpty()) {
      Class<?> next = queue.poll();
      if (seen.add(next)) {
        Renderer<Object> renderer = BY_TYPE.get(next);
        if (renderer != null) {
          return renderer;
        }
        queue.addAll(List.of(next.getInterfaces()));
      }
    }
    return null;
  }
}
