package dev.eddy.storage;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Estimates how many heap bytes objects take, as Spark's {@code SizeEstimator}, so the memory
 * store can hold deserialized blocks under a byte budget.
 *
 * <p>The estimate walks the object graph assuming a 64-bit JVM with compressed pointers (12-byte
 * object headers, 4-byte references, sizes rounded to 8). Strings, boxed values, arrays,
 * collections and maps are sized by their contents; other objects by their fields, read by
 * reflection. JDK classes whose fields are closed to reflection count their header and fields only.
 * A list of more than {@value #SAMPLE} elements is estimated from {@value #SAMPLE} evenly spaced
 * elements, scaled: objects shared between elements are then counted once per sampled element, so
 * the estimate errs on the high side. Stateless and thread-safe.
 */
public final class SizeEstimator {
  /** How many elements of a large list are walked. */
  static final int SAMPLE = 100;

  private static final int HEADER = 12;
  private static final int REF = 4;
  private static final int ARRAY_HEADER = 16;

  private SizeEstimator() {}

  /** Returns the estimated heap size of {@code values} held in an {@code ArrayList}. */
  public static long estimateList(List<?> values) {
    int n = values.size();
    long shell = align(ARRAY_HEADER + (long) REF * n) + 24;
    if (n <= SAMPLE) {
      long total = 0;
      for (Object v : values) {
        total += estimate(v);
      }
      return shell + total;
    }
    long sampled = 0;
    for (int i = 0; i < SAMPLE; i++) {
      sampled += estimate(values.get((int) ((long) i * n / SAMPLE)));
    }
    return shell + sampled * n / SAMPLE;
  }

  /** Returns the estimated heap size of {@code root} and everything it reaches; 0 for null. */
  public static long estimate(Object root) {
    Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> toVisit = new ArrayDeque<>();
    long total = 0;
    if (root != null) {
      toVisit.push(root);
    }
    while (!toVisit.isEmpty()) {
      Object o = toVisit.pop();
      if (seen.add(o)) {
        total += shallow(o, toVisit);
      }
    }
    return total;
  }

  /** Returns {@code o}'s own size and pushes what it references. */
  private static long shallow(Object o, Deque<Object> toVisit) {
    Class<?> type = o.getClass();
    if (o instanceof String s) {
      return align(HEADER + 12) + align(ARRAY_HEADER + s.length());
    }
    if (o instanceof Number || o instanceof Boolean || o instanceof Character) {
      return o instanceof Long || o instanceof Double ? 24 : 16;
    }
    if (type.isArray()) {
      int length = Array.getLength(o);
      Class<?> component = type.getComponentType();
      if (component.isPrimitive()) {
        return align(ARRAY_HEADER + (long) length * primitiveSize(component));
      }
      for (int i = 0; i < length; i++) {
        pushIfPresent(Array.get(o, i), toVisit);
      }
      return align(ARRAY_HEADER + (long) REF * length);
    }
    if (o instanceof Collection<?> c) {
      c.forEach(e -> pushIfPresent(e, toVisit));
      return 40 + align(ARRAY_HEADER + (long) REF * c.size()) + 16L * (o instanceof List<?> ? 0 : c.size());
    }
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        pushIfPresent(k, toVisit);
        pushIfPresent(v, toVisit);
      });
      return 48 + align(ARRAY_HEADER + (long) REF * m.size()) + 32L * m.size();
    }
    return fields(o, type, toVisit);
  }

  private static long fields(Object o, Class<?> type, Deque<Object> toVisit) {
    long size = HEADER;
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        Class<?> ft = f.getType();
        size += ft.isPrimitive() ? primitiveSize(ft) : REF;
        if (!ft.isPrimitive()) {
          pushIfPresent(read(f, o), toVisit);
        }
      }
    }
    return align(size);
  }

  private static Object read(Field f, Object o) {
    try {
      f.setAccessible(true);
      return f.get(o);
    } catch (InaccessibleObjectException | IllegalAccessException | SecurityException e) {
      return null; // a JDK class closed to reflection: count the reference only
    }
  }

  private static void pushIfPresent(Object o, Deque<Object> toVisit) {
    if (o != null && !(o instanceof Class<?>)) {
      toVisit.push(o);
    }
  }

  private static int primitiveSize(Class<?> type) {
    if (type == long.class || type == double.class) {
      return 8;
    }
    if (type == int.class || type == float.class) {
      return 4;
    }
    if (type == short.class || type == char.class) {
      return 2;
    }
    return 1;
  }

  private static long align(long size) {
    return (size + 7) & ~7L;
  }
}
