package dev.eddy.serializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Static factories for {@link Serializer}s, the one place that turns configuration into a
 * serializer, as Spark's {@code SparkEnv} does with {@code spark.serializer}.
 *
 * <p>{@code
 * Serializer s = Serializers.fromConf(Map.of(
 *     "spark.serializer", "org.apache.spark.serializer.KryoSerializer",
 *     "spark.kryo.classesToRegister", "com.example.Person,com.example.Order"));
 * }
 */
public final class Serializers {
  private Serializers() {}

  /** Returns a new Kryo serializer with registration off: Eddy's default. */
  public static KryoSerializer kryo() {
    return new KryoSerializer();
  }

  /** Returns a new Java serializer. */
  public static JavaSerializer java() {
    return new JavaSerializer();
  }

  /**
   * Returns the serializer the settings in {@code conf} describe (see {@link SerializerConfig} for
   * keys and values). Classes to register are loaded through the thread's context class loader,
   * falling back to Eddy's own.
   *
   * @throws IllegalArgumentException for an unknown serializer, a malformed value or a class to
   *     register that cannot be found
   */
  public static Serializer fromConf(Map<String, String> conf) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return fromConf(conf, context != null ? context : Serializers.class.getClassLoader());
  }

  /** Returns the serializer {@code conf} describes, loading classes to register through {@code loader}. */
  public static Serializer fromConf(Map<String, String> conf, ClassLoader loader) {
    SerializerConfig config = SerializerConfig.from(conf);
    if (config.kind().equals("java")) {
      return java();
    }
    KryoSerializer kryo = new KryoSerializer(config.registrationRequired(), config.referenceTracking());
    List<Class<?>> classes = new ArrayList<>();
    for (String name : config.classesToRegister()) {
      try {
        classes.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("Class '" + name + "' listed in "
            + SerializerConfig.CLASSES_TO_REGISTER + " (or " + SerializerConfig.CLASSES_TO_REGISTER_SPARK
            + ") was not found in " + loader, e);
      }
    }
    kryo.registerKryoClasses(classes.toArray(new Class<?>[0]));
    return kryo;
  }
}
