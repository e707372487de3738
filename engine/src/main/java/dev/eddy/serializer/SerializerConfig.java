package dev.eddy.serializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The serializer settings, in one table: each key with its Spark alias, doc and default. Eddy's
 * key wins when a map holds both spellings. Values are validated here; {@link
 * Serializers#fromConf} builds the serializer they describe.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind which serializer: {@code "kryo"} or {@code "java"}
 * @param registrationRequired whether Kryo rejects unregistered classes
 * @param classesToRegister class names Kryo registers up front, in order
 * @param referenceTracking whether Kryo tracks shared and cyclic references
 */
public record SerializerConfig(String kind, boolean registrationRequired, List<String> classesToRegister,
    boolean referenceTracking) {

  /** Key choosing the serializer; Spark's alias is {@value #SERIALIZER_SPARK}. */
  public static final String SERIALIZER = "eddy.serializer";
  public static final String SERIALIZER_SPARK = "spark.serializer";
  private static final String SERIALIZER_DOC = "Serializer for shuffle spill, _SER storage levels, broadcast, "
      + "WAL, checkpoints and state: kryo or java, or a full class name (Spark's or Eddy's).";
  public static final String SERIALIZER_DEFAULT = "kryo";

  /** Key making Kryo reject unregistered classes; Spark's alias is {@value #REGISTRATION_REQUIRED_SPARK}. */
  public static final String REGISTRATION_REQUIRED = "eddy.kryo.registrationRequired";
  public static final String REGISTRATION_REQUIRED_SPARK = "spark.kryo.registrationRequired";
  private static final String REGISTRATION_REQUIRED_DOC = "true: Kryo fails on classes not registered, "
      + "naming them; false: it writes their names.";
  public static final boolean REGISTRATION_REQUIRED_DEFAULT = false;

  /** Key listing classes for Kryo to register; Spark's alias is {@value #CLASSES_TO_REGISTER_SPARK}. */
  public static final String CLASSES_TO_REGISTER = "eddy.kryo.classesToRegister";
  public static final String CLASSES_TO_REGISTER_SPARK = "spark.kryo.classesToRegister";
  private static final String CLASSES_TO_REGISTER_DOC = "Comma-separated class names Kryo registers, in order.";

  /** Key turning Kryo's reference tracking on or off; Spark's alias is {@value #REFERENCE_TRACKING_SPARK}. */
  public static final String REFERENCE_TRACKING = "eddy.kryo.referenceTracking";
  public static final String REFERENCE_TRACKING_SPARK = "spark.kryo.referenceTracking";
  private static final String REFERENCE_TRACKING_DOC = "true: shared and cyclic references round trip; "
      + "false: faster and smaller, for acyclic data only (a cycle fails, a shared object comes back as copies).";
  public static final boolean REFERENCE_TRACKING_DEFAULT = true;

  /** Accepted values of {@link #SERIALIZER}, each mapped to the kind it selects. */
  private static final Map<String, String> KINDS = Map.of(
      "kryo", "kryo",
      "java", "java",
      "org.apache.spark.serializer.kryoserializer", "kryo",
      "org.apache.spark.serializer.javaserializer", "java",
      "dev.eddy.serializer.kryoserializer", "kryo",
      "dev.eddy.serializer.javaserializer", "java");

  private static final List<String> ACCEPTED = List.of("kryo", "java",
      "org.apache.spark.serializer.KryoSerializer", "org.apache.spark.serializer.JavaSerializer",
      KryoSerializer.class.getName(), JavaSerializer.class.getName());

  public SerializerConfig {
    classesToRegister = List.copyOf(classesToRegister);
  }

  /** Returns settings with reference tracking on, its default. */
  public SerializerConfig(String kind, boolean registrationRequired, List<String> classesToRegister) {
    this(kind, registrationRequired, classesToRegister, REFERENCE_TRACKING_DEFAULT);
  }

  /**
   * Returns the settings found in {@code conf} (other keys are ignored).
   *
   * @throws IllegalArgumentException for an unknown serializer or a value that is not a boolean,
   *     with a message listing what is accepted
   */
  public static SerializerConfig from(Map<String, String> conf) {
    String kindValue = lookup(conf, SERIALIZER, SERIALIZER_SPARK, SERIALIZER_DEFAULT);
    String kind = KINDS.get(kindValue.trim().toLowerCase(Locale.ROOT));
    if (kind == null) {
      throw new IllegalArgumentException("Unknown serializer '" + kindValue + "' for "
          + keyUsed(conf, SERIALIZER, SERIALIZER_SPARK) + "; accepted values: " + String.join(", ", ACCEPTED));
    }
    boolean required = bool(conf, REGISTRATION_REQUIRED, REGISTRATION_REQUIRED_SPARK, REGISTRATION_REQUIRED_DEFAULT);
    boolean references = bool(conf, REFERENCE_TRACKING, REFERENCE_TRACKING_SPARK, REFERENCE_TRACKING_DEFAULT);
    List<String> classes = new ArrayList<>();
    for (String name : lookup(conf, CLASSES_TO_REGISTER, CLASSES_TO_REGISTER_SPARK, "").split(",")) {
      if (!name.isBlank()) {
        classes.add(name.trim());
      }
    }
    return new SerializerConfig(kind, required, classes, references);
  }

  private static boolean bool(Map<String, String> conf, String key, String sparkKey, boolean fallback) {
    String value = lookup(conf, key, sparkKey, String.valueOf(fallback)).trim();
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException("Expected true or false for " + keyUsed(conf, key, sparkKey)
          + ", got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  /** Returns each key (Eddy's spelling) with its doc string and default, for help output. */
  public static Map<String, String> docs() {
    return Map.of(
        SERIALIZER, SERIALIZER_DOC + " Default: " + SERIALIZER_DEFAULT + ". Alias: " + SERIALIZER_SPARK,
        REGISTRATION_REQUIRED, REGISTRATION_REQUIRED_DOC + " Default: " + REGISTRATION_REQUIRED_DEFAULT
            + ". Alias: " + REGISTRATION_REQUIRED_SPARK,
        CLASSES_TO_REGISTER, CLASSES_TO_REGISTER_DOC + " Default: none. Alias: " + CLASSES_TO_REGISTER_SPARK,
        REFERENCE_TRACKING, REFERENCE_TRACKING_DOC + " Default: " + REFERENCE_TRACKING_DEFAULT
            + ". Alias: " + REFERENCE_TRACKING_SPARK);
  }

  private static String lookup(Map<String, String> conf, String key, String sparkKey, String fallback) {
    String value = conf.get(key);
    if (value == null) {
      value = conf.get(sparkKey);
    }
    return value != null ? value : fallback;
  }

  private static String keyUsed(Map<String, String> conf, String key, String sparkKey) {
    return conf.containsKey(key) || !conf.containsKey(sparkKey) ? key : sparkKey;
  }
}
