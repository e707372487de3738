package dev.eddy.serializer.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.MapReferenceResolver;

/**
 * Eddy's {@link Kryo}: explains how to register a class when registration is required, can
 * switch class loaders without keeping classes resolved through the previous one, and can keep
 * the names of unregistered classes across the objects of one stream. Not thread-safe, like every
 * Kryo; pooled by {@code KryoSerializer}.
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

  /**
   * Starts keeping class names across objects: Kryo still resets references (and its other
   * per-graph state) after each object, but an unregistered class is written by name only the
   * first time and by a small id afterwards, as registered classes are. Writer and reader must
   * both be in this mode, and must forget names at the same object (see {@link #forgetClassNames}).
   */
  public void keepClassNames() {
    resolver.keepNames = true;
  }

  /** Forgets the class names written or read so far; the next use of each writes it again. */
  public void forgetClassNames() {
    resolver.keepNames = false;
    resolver.reset();
    resolver.keepNames = true;
  }

  /** Returns to one graph per object with names forgotten after each, and resets everything. */
  public void endKeepingClassNames() {
    resolver.keepNames = false;
    reset();
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

  /** The default resolver, plus a way to drop its name-to-class cache and to keep names. */
  private static final class Resolver extends DefaultClassResolver {
    boolean keepNames;

    @Override
    public void reset() {
      if (!keepNames) {
        super.reset();
      }
    }

    void forgetNames() {
      if (nameToClass != null) {
        nameToClass.clear();
      }
    }
  }
}
