package dev.eddy.serializer.internal;

import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import dev.eddy.api.Tuple2;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Builds Kryo instances configured the Eddy way: the given reference and registration modes,
 * records through {@link RecordSerializer} (Kryo's format, with accessors found once per class),
 * no-arg constructors where they exist and Objenesis otherwise, serializable lambdas, JDK
 * immutable collections, and a fixed list of common classes registered first so they are written
 * as small ids even when registration is off.
 *
 * <p>Registration ids follow registration order, so every instance built with the same user
 * classes reads the bytes of every other. Appending user classes keeps earlier ids valid.
 */
public final class KryoFactory {

  /** Common classes registered up front, in a fixed order: never reorder, only append. */
  private static final List<Class<?>> BUILT_IN = List.of(
      Object.class, Object[].class, Class.class, String[].class,
      boolean[].class, byte[].class, char[].class, short[].class,
      int[].class, long[].class, float[].class, double[].class,
      Integer[].class, Long[].class, Double[].class,
      BigInteger.class, BigDecimal.class,
      ArrayList.class, LinkedList.class, ArrayDeque.class,
      HashMap.class, LinkedHashMap.class, TreeMap.class, ConcurrentHashMap.class,
      HashSet.class, LinkedHashSet.class, TreeSet.class,
      Arrays.asList().getClass(),
      Collections.emptyList().getClass(), Collections.emptyMap().getClass(),
      Collections.emptySet().getClass(), Collections.singletonList(0).getClass(),
      Collections.singletonMap(0, 0).getClass(), Collections.singleton(0).getClass(),
      Tuple2.class, Tuple2[].class);

  private KryoFactory() {}

  /** Returns a new Kryo; {@code userClasses} are registered after the built-in ones, in order. */
  public static EddyKryo create(boolean registrationRequired, boolean references, List<Class<?>> userClasses,
      ClassLoader loader) {
    EddyKryo kryo = new EddyKryo();
    kryo.setReferences(references);
    kryo.setRegistrationRequired(registrationRequired);
    kryo.setWarnUnregisteredClasses(false);
    kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
    kryo.setClassLoader(loader);
    kryo.addDefaultSerializer(Record.class, RecordSerializer.class);
    for (Class<?> type : BUILT_IN) {
      kryo.register(type);
    }
    ImmutableCollectionsSerializers.registerSerializers(kryo);
    kryo.register(ClosureSerializer.Closure.class, new LambdaSerializer());
    for (Class<?> type : userClasses) {
      kryo.register(type);
    }
    return kryo;
  }
}
