package dev.eddy.serializer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.Tuple2;
import dev.eddy.serializer.Fixtures.Person;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KryoRegistrationTest {

  @Test
  void requiredModeFailsNamingTheClassAndHowToRegisterIt() {
    KryoSerializer kryo = new KryoSerializer(true);
    SerializationException e = assertThrows(SerializationException.class,
        () -> kryo.serialize(new Person("Ada", 36, 1L)));
    String message = e.getMessage();
    assertTrue(message.contains("Class is not registered: " + Person.class.getName()), message);
    assertTrue(message.contains("registerKryoClasses(" + Person.class.getName() + ".class)"), message);
    assertTrue(message.contains("spark.kryo.classesToRegister"), message);
  }

  @Test
  void requiredModeWorksAfterRegisterKryoClasses() {
    KryoSerializer kryo = new KryoSerializer(true);
    assertThrows(SerializationException.class, () -> kryo.serialize(new Person("Ada", 36, 1L)));
    kryo.registerKryoClasses(Person.class);
    assertEquals(new Person("Ada", 36, 1L), kryo.deserialize(kryo.serialize(new Person("Ada", 36, 1L))));
    assertEquals(List.of(Person.class), kryo.registeredClasses());
  }

  @Test
  void arraysAreClassesOfTheirOwn() {
    KryoSerializer kryo = new KryoSerializer(true);
    kryo.registerKryoClasses(Person.class);
    SerializationException e = assertThrows(SerializationException.class,
        () -> kryo.serialize(new Person[] {new Person("a", 1, 1)}));
    assertTrue(e.getMessage().contains("registerKryoClasses(" + Person.class.getName() + "[].class)"), e.getMessage());
  }

  @Test
  void builtInTypesNeedNoRegistrationEvenWhenRequired() {
    KryoSerializer kryo = new KryoSerializer(true);
    Map<String, Object> value = new HashMap<>();
    value.put("tuple", new Tuple2<>("a", 1L));
    value.put("list", new ArrayList<>(List.of(1, 2)));
    value.put("immutable", List.of("x", "y"));
    value.put("ints", new int[] {1, 2});
    assertEquals(value.keySet(), kryo.<Map<String, Object>>deserialize(kryo.serialize(value)).keySet());
  }

  @Test
  void registeredClassesAreWrittenSmallerThanUnregistered() {
    KryoSerializer unregistered = new KryoSerializer();
    KryoSerializer registered = new KryoSerializer();
    registered.registerKryoClasses(Person.class);
    Person p = new Person("Ada", 36, 1L);
    int named = unregistered.serialize(p).length;
    int numbered = registered.serialize(p).length;
    assertTrue(numbered + Person.class.getName().length() - 2 <= named, numbered + " vs " + named);
  }

  @Test
  void bytesWrittenBeforeARegistrationStayReadable() {
    KryoSerializer kryo = new KryoSerializer();
    kryo.registerKryoClasses(Person.class);
    byte[] before = kryo.serialize(List.of(new Person("a", 1, 1)));
    kryo.registerKryoClasses(Tuple2.class, String[].class, StreamTest.class);
    assertEquals(List.of(new Person("a", 1, 1)), kryo.deserialize(before));
  }
}
