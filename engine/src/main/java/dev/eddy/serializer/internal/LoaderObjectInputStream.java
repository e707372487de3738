package dev.eddy.serializer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Proxy;

/**
 * An {@link ObjectInputStream} that resolves classes (and proxy interfaces) through a given loader
 * rather than the "latest user-defined loader" on the stack, which would miss JShell snippet
 * classes. Primitive types keep the JDK's resolution.
 */
public final class LoaderObjectInputStream extends ObjectInputStream {
  private final ClassLoader loader;
  private final ClassLoaderChoice rule;

  public LoaderObjectInputStream(InputStream in, ClassLoader loader, ClassLoaderChoice rule)
      throws IOException {
    super(in);
    this.loader = loader;
    this.rule = rule;
  }

  @Override
  protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
    try {
      return rule.load(desc.getName(), loader);
    } catch (ClassNotFoundException e) {
      return super.resolveClass(desc); // primitives such as "int"
    }
  }

  @Override
  @SuppressWarnings("deprecation") // Proxy.getProxyClass is what the JDK's own resolveProxyClass uses
  protected Class<?> resolveProxyClass(String[] interfaces)
      throws IOException, ClassNotFoundException {
    Class<?>[] types = new Class<?>[interfaces.length];
    for (int i = 0; i < interfaces.length; i++) {
      types[i] = rule.load(interfaces[i], loader);
    }
    return Proxy.getProxyClass(loader, types);
  }
}
