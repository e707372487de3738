package dev.eddy.serializer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.Tuple2;
import dev.eddy.serializer.Fixtures.Person;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SerializersTest {

  @ParameterizedTest
  @CsvSource({
      "spark.serializer, org.apache.spark.serializer.KryoSerializer, kryo",
      "spark.serializer, org.apache.spark.serializer.JavaSerializer, java",
      "spark.serializer, dev.eddy.serializer.KryoSerializer, kryo",
      "spark.serializer, dev.eddy.serializer.JavaSerializer, java",
      "spark.serializer, kryo, kryo",
      "spark.serializer, java, java",
      "eddy.serializer, org.apache.spark.serializer.KryoSerializer, kryo",
      "eddy.serializer, org.apache.spark.serializer.JavaSerializer, java",
      "eddy.serializer, dev.eddy.serializer.KryoSerializer, kryo",
      "eddy.serializer, dev.eddy.serializer.JavaSerializer, java",
      "eddy.serializer, kryo, kryo",
      "eddy.serializer, java, java",
      "eddy.serializer, ' KRYO ', kryo",
  })
  void everyAcceptedKeyAndValue(String key, String value, String expectedName) {
    Serializer s = Serializers.fromConf(Map.of(key, value));
    assertEquals(expectedName, s.name());
    Class<?> expected = expectedName.equals("kryo") ? KryoSerializer.class : JavaSerializer.class;
    assertEquals(expected, s.getClass());
  }

  @Test
  void kryoIsTheDefault() {
    Serializer s = Serializers.fromConf(Map.of("unrelated.key", "x"));
    assertInstanceOf(KryoSerializer.class, s);
    assertFalse(((KryoSerializer) s).isRegistrationRequired());
  }

  @Test
  void eddysKeyWinsOverSparks() {
    assertEquals("java", Serializers.fromConf(Map.of("eddy.serializer", "java", "spark.serializer", "kryo")).name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"spark.serializer", "eddy.serializer"})
  void unknownSerializerListsTheAcceptedValues(String key) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Serializers.fromConf(Map.of(key, "org.apache.spark.serializer.Avro")));
    String message = e.getMessage();
    assertTrue(message.contains("'org.apache.spark.serializer.Avro'"), message);
    assertTrue(message.contains(key), message);
    for (String accepted : List.of("kryo", "java", "org.apache.spark.serializer.KryoSerializer",
        "org.apache.spark.serializer.JavaSerializer", "dev.eddy.serializer.KryoSerializer",
        "dev.eddy.serializer.JavaSerializer")) {
      assertTrue(message.contains(accepted), message);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"spark.kryo.registrationRequired", "eddy.kryo.registrationRequired"})
  void registrationRequiredByEitherKey(String key) {
    KryoSerializer s = (KryoSerializer) Serializers.fromConf(Map.of(key, "true"));
    assertTrue(s.isRegistrationRequired());
    assertThrows(SerializationException.class, () -> s.serialize(new Person("a", 1, 1)));
    assertFalse(((KryoSerializer) Serializers.fromConf(Map.of(key, "false"))).isRegistrationRequired());
  }

  @Test
  void registrationRequiredMustBeABoolean() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Serializers.fromConf(Map.of("spark.kryo.registrationRequired", "yes")));
    assertTrue(e.getMessage().contains("spark.kryo.registrationRequired"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"spark.kryo.classesToRegister", "eddy.kryo.classesToRegister"})
  void classesToRegisterByEitherKey(String key) {
    KryoSerializer s = (KryoSerializer) Serializers.fromConf(Map.of(
        "spark.kryo.registrationRequired", "true",
        key, " " + Person.class.getName() + " ,[L" + Person.class.getName() + ";,"));
    assertEquals(List.of(Person.class, Person[].class), s.registeredClasses());
    Object value = new Tuple2<>(new Person("a", 1, 1), new Person[] {new Person("b", 2, 2)});
    Tuple2<Person, Person[]> back = s.deserialize(s.serialize(value));
    assertEquals(new Person("b", 2, 2), back._2()[0]);
  }

  @Test
  void unknownClassToRegisterIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Serializers.fromConf(Map.of("spark.kryo.classesToRegister", "com.example.Missing")));
    assertTrue(e.getMessage().contains("com.example.Missing"), e.getMessage());
  }

  @Test
  void javaIgnoresKryoSettings() {
    assertInstanceOf(JavaSerializer.class, Serializers.fromConf(Map.of(
        "spark.serializer", "java", "spark.kryo.registrationRequired", "true")));
  }

  @Test
  void everyKeyIsDocumented() {
    assertEquals(4, SerializerConfig.docs().size());
    SerializerConfig.docs().values().forEach(doc -> assertTrue(doc.contains("Default"), doc));
  }
}
