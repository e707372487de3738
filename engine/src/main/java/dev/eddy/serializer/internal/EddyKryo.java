package dev.eddy.serializer.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.MapReferenceResolver;

/**
 * Eddy's {@link Kryo}: explains how to register a class when registration is required, and can
 * switch class loaders without keeping classes resolved through the previous one. Not
 * thread-safe, like every Kryo; pooled by {@code KryoSerializer}.
 */
public final class EddyKryo extends Kryo {
  private final Resolver resolver;

  public EddyKryo() {
    this(new Resolver());
  }

  private EddyKryo(Resolver resolver) {
    super(resolver, new MapReferenceResolver());
    this.resolver = resolver;
  }

  /** Switches to {@code loader}, forgetting class names resolved through another one. */
  public void useClassLoader(ClassLoader loader) {
    if (getClassLoader() != loader) {
      setClassLoader(loader);
      resolver.forgetNames();
    }
  }

  @Override
  protected String unregisteredClassMessage(Class type) {
    String name = type.getName();
    String literal = type.isArray() ? type.getComponentType().getName() + "[].class" : name + ".class";
    return "Class is not registered: " + name + ". Registration is required"
        + " (spark.kryo.registrationRequired / eddy.kryo.registrationRequired = true): call"
        + " KryoSerializer.registerKryoClasses(" + literal + "), or add " + name
        + " to spark.kryo.classesToRegister (eddy.kryo.classesToRegister), or turn"
        + " registrationRequired off.";
  }

  /** The default resolver, plus a way to drop its name-to-class cache. */
  private static final class Resolver extends DefaultClassResolver {
    void forgetNames() {
      if (nameToClass != null) {
        nameToClass.clear();
      }
    }
  }
}
