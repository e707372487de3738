package dev.eddy.serializer.internal;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds why an object graph does not serialize, in the shape of Spark's {@code
 * SerializationDebugger}: starting from the root, it descends into whichever field, captured
 * lambda argument, array element or collection element fails to serialize on its own, until it
 * reaches an object that fails while all its parts succeed. That object is the culprit; the path
 * to it is the serialization stack.
 *
 * <p>Fields of JDK classes (named modules) are not opened; their collections and arrays are walked
 * through their public API instead. Transient and static fields are skipped, as both Java
 * serialization and Kryo skip them. Only used after a failure, so it may serialize many times.
 */
public final class SerializationStack {
  private static final int MAX_VALUE_CHARS = 120;
  private static final int MAX_ELEMENTS = 1000;

  private final Predicate<Object> serializes;
  private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());

  private SerializationStack(Predicate<Object> serializes) {
    this.serializes = serializes;
  }

  /**
   * Returns the stack lines, innermost (the culprit) first and {@code root} last, or an empty list
   * if {@code root} serializes.
   */
  public static List<String> of(Object root, Predicate<Object> serializes) {
    List<String> lines = new SerializationStack(serializes).failing(root);
    return lines == null ? List.of() : lines;
  }

  private List<String> failing(Object node) {
    if (node == null || !visited.add(node) || serializes.test(node)) {
      return null;
    }
    for (Edge edge : edges(node)) {
      List<String> inner = failing(edge.value);
      if (inner != null) {
        inner.add(edge.description);
        inner.add("object (class " + node.getClass().getName() + ", " + show(node) + ")");
        return inner;
      }
    }
    List<String> culprit = new ArrayList<>();
    culprit.add("object not serializable (class: " + node.getClass().getName() + ", value: " + show(node) + ")");
    return culprit;
  }

  private record Edge(String description, Object value) {}

  private static List<Edge> edges(Object node) {
    Class<?> type = node.getClass();
    List<Edge> edges = new ArrayList<>();
    if (type.isArray()) {
      if (!type.getComponentType().isPrimitive()) {
        int n = Math.min(Array.getLength(node), MAX_ELEMENTS);
        for (int i = 0; i < n; i++) {
          edges.add(new Edge("element of array (index: " + i + ")", Array.get(node, i)));
        }
      }
      return edges;
    }
    SerializedLambda lambda = Lambdas.isLambda(type) ? Lambdas.serializedForm(node) : null;
    if (lambda != null) {
      String impl = lambda.getImplClass().replace('/', '.') + "." + lambda.getImplMethodName();
      String capturing = lambda.getCapturingClass().replace('/', '.');
      for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
        Object arg = lambda.getCapturedArg(i);
        String what = arg != null && arg.getClass().getName().equals(capturing)
            ? "captured 'this' (class: " + capturing + ")"
            : "captured value (index: " + i + ", type: " + typeName(arg) + ")";
        edges.add(new Edge(what + " of lambda " + impl, arg));
      }
      return edges;
    }
    if (node instanceof Map<?, ?> map && type.getModule().isNamed()) {
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (i++ >= MAX_ELEMENTS) {
          break;
        }
        edges.add(new Edge("key of map (key: " + show(e.getKey()) + ")", e.getKey()));
        edges.add(new Edge("value of map (key: " + show(e.getKey()) + ")", e.getValue()));
      }
      return edges;
    }
    if (node instanceof Collection<?> collection && type.getModule().isNamed()) {
      int i = 0;
      for (Object element : collection) {
        if (i >= MAX_ELEMENTS) {
          break;
        }
        edges.add(new Edge("element of collection (index: " + i++ + ")", element));
      }
      return edges;
    }
    for (Class<?> c = type; c != null && !c.getModule().isNamed(); c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int mods = field.getModifiers();
        if (Modifier.isStatic(mods) || Modifier.isTransient(mods) || field.getType().isPrimitive()) {
          continue;
        }
        try {
          field.setAccessible(true);
          edges.add(new Edge(describe(c, field), field.get(node)));
        } catch (ReflectiveOperationException | RuntimeException e) {
          // unreadable field: not a path we can report
        }
      }
    }
    return edges;
  }

  private static String describe(Class<?> owner, Field field) {
    String name = field.getName();
    String hint = name.startsWith("val$") ? " (captured variable " + name.substring(4) + ")"
        : name.equals("this$0") ? " (enclosing instance)" : "";
    return "field (class: " + owner.getName() + ", name: " + name + hint + ", type: " + field.getType() + ")";
  }

  private static String typeName(Object value) {
    return value == null ? "null" : "class " + value.getClass().getName();
  }

  private static String show(Object value) {
    String text;
    try {
      text = String.valueOf(value);
    } catch (RuntimeException e) {
      text = value.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(value));
    }
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
  }
}
