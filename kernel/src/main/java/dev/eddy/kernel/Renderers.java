package dev.eddy.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns cell values into Jupyter display data, by type.
 *
 * <p>A renderer registered for a class or interface applies to its subtypes; the most specific
 * registration wins (the class itself, then its superclasses, then interfaces breadth-first).
 * Anything without a renderer is shown as {@code text/plain} via {@code toString()}, which is what
 * lists and maps get. Engine objects register HTML renderers here.
 */
final class Renderers {
  private final Map<Class<?>, Function<Object, DisplayData>> byType = new ConcurrentHashMap<>();

  /** Registers how to render values of {@code type} and its subtypes. */
  <T> void register(Class<T> type, Function<? super T, DisplayData> renderer) {
    byType.put(type, value -> renderer.apply(type.cast(value)));
  }

  /** Renders {@code value}; null renders as the text {@code null}. */
  DisplayData render(Object value) {
    if (value != null) {
      Function<Object, DisplayData> renderer = find(value.getClass());
      if (renderer != null) {
        DisplayData data = renderer.apply(value);
        if (data != null) {
          return data;
        }
      }
    }
    return new DisplayData(String.valueOf(value));
  }

  private Function<Object, DisplayData> find(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      Function<Object, DisplayData> renderer = byType.get(c);
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
        Function<Object, DisplayData> renderer = byType.get(next);
        if (renderer != null) {
          return renderer;
        }
        queue.addAll(List.of(next.getInterfaces()));
      }
    }
    return null;
  }
}
