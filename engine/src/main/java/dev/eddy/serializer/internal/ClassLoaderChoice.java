package dev.eddy.serializer.internal;

/**
 * Holds the class-loader rule shared by Eddy's serializers: the loader set explicitly if any,
 * otherwise the calling thread's context class loader at the time of the call, otherwise the
 * fallback given at construction. Thread-safe.
 */
public final class ClassLoaderChoice {
  private final ClassLoader fallback;
  private volatile ClassLoader explicit;

  public ClassLoaderChoice(ClassLoader fallback) {
    this.fallback = fallback;
  }

  /** Sets the explicit loader; null returns to the context-loader rule. */
  public void set(ClassLoader loader) {
    explicit = loader;
  }

  /** Returns the loader a call made now on this thread should use. Never null. */
  public ClassLoader current() {
    ClassLoader chosen = explicit;
    if (chosen == null) {
      chosen = Thread.currentThread().getContextClassLoader();
    }
    return chosen != null ? chosen : fallback;
  }

  /**
   * Returns the class named {@code name} through {@code loader}, falling back to the serializer's
   * own loader (JDK and engine classes are always found even under an unrelated context loader).
   */
  public Class<?> load(String name, ClassLoader loader) throws ClassNotFoundException {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      if (loader == fallback) {
        throw e;
      }
      try {
        return Class.forName(name, false, fallback);
      } catch (ClassNotFoundException ignored) {
        throw e;
      }
    }
  }
}
