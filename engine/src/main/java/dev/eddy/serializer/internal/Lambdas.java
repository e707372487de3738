package dev.eddy.serializer.internal;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/** Reflection helpers for serializable lambdas. Stateless. */
public final class Lambdas {
  private Lambdas() {}

  /** Returns whether {@code type} is a lambda's (hidden) class. */
  public static boolean isLambda(Class<?> type) {
    return type.isSynthetic() && type.getName().contains("$$Lambda");
  }

  /**
   * Returns the {@link SerializedLambda} that {@code obj}'s {@code writeReplace} produces, or null
   * if {@code obj} is not a serializable lambda.
   */
  public static SerializedLambda serializedForm(Object obj) {
    if (!(obj instanceof Serializable)) {
      return null;
    }
    try {
      Method writeReplace = obj.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      return writeReplace.invoke(obj) instanceof SerializedLambda form ? form : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Returns the class whose code created the lambda, looked up through {@code loader}. */
  public static Class<?> capturingClass(SerializedLambda form, ClassLoader loader) {
    String name = form.getCapturingClass().replace('/', '.');
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Capturing class " + name + " not found in " + loader, e);
    }
  }
}
