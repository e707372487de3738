package dev.eddy.serializer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.Tuple2;
import dev.eddy.serializer.Fixtures.Account;
import dev.eddy.serializer.Fixtures.Node;
import dev.eddy.serializer.Fixtures.Person;
import dev.eddy.serializer.internal.KryoStreams;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kryo streams keep unregistered class names across objects, but never references. */
class KryoStreamFormatTest {

  private static byte[] write(Serializer s, List<?> objects) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SerializationStream out = s.serializeStream(bytes)) {
      out.writeAll(objects);
    }
    return bytes.toByteArray();
  }

  private static List<Object> read(Serializer s, byte[] bytes) {
    List<Object> back = new ArrayList<>();
    s.deserializeStream(new ByteArrayInputStream(bytes)).asIterator().forEachRemaining(back::add);
    return back;
  }

  /** Kryo writes an ASCII string with the high bit set on its last char: count the rest. */
  private static int occurrences(byte[] haystack, String name) {
    byte[] needle = name.substring(0, name.length() - 1).getBytes(StandardCharsets.US_ASCII);
    int found = 0;
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      found++;
    }
    return found;
  }

  @Test
  void anUnregisteredClassNameIsWrittenOncePerStream() {
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      people.add(new Person("p" + i, i % 90, i));
    }
    KryoSerializer unregistered = new KryoSerializer();
    byte[] bytes = write(unregistered, people);
    assertEquals(1, occurrences(bytes, Person.class.getName()));
    assertEquals(people, read(unregistered, bytes));

    KryoSerializer registered = new KryoSerializer();
    registered.registerKryoClasses(Person.class);
    // an unregistered class costs one byte more per object (a name id after the marker), plus its name once
    assertEquals(write(registered, people).length + people.size() + Person.class.getName().length(), bytes.length);
  }

  @Test
  void oneHundredThousandMixedObjectsRoundTripAcrossNameResets() {
    int count = 100_000;
    assertTrue(count > KryoStreams.CLASS_NAMES_RESET_INTERVAL, "crosses at least one reset");
    List<Object> objects = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      objects.add(switch (i % 3) {
        case 0 -> new Person("p" + i, i % 90, i);
        case 1 -> new Account("a" + i, i);
        default -> new Tuple2<>("k" + i, new Person("q", 1, i));
      });
    }
    KryoSerializer s = new KryoSerializer();
    byte[] bytes = write(s, objects);
    assertEquals(objects, read(s, bytes));
    // forgotten after each 65,536 objects: each name once per block (100,000 objects: 2 blocks)
    assertEquals(2, occurrences(bytes, Person.class.getName()));
    assertEquals(2, occurrences(bytes, Account.class.getName()));
  }

  @Test
  void referencesStayWithinOneObjectSoAMutatedObjectIsWrittenAgain() {
    Node node = new Node("before");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    KryoSerializer s = new KryoSerializer();
    try (SerializationStream out = s.serializeStream(bytes)) {
      out.writeObject(node);
      node.label = "after";
      out.writeObject(node);
      out.writeObject(List.of(node, node));
    }
    List<Object> back = read(s, bytes.toByteArray());
    assertEquals("before", ((Node) back.get(0)).label);
    assertEquals("after", ((Node) back.get(1)).label);
    assertNotSame(back.get(0), back.get(1));
    List<?> pair = (List<?>) back.get(2);
    assertSame(pair.get(0), pair.get(1), "shared within one object");
  }

  @Test
  void aPooledKryoForgetsStreamNamesBeforeServingSingleObjects() {
    KryoSerializer s = new KryoSerializer();
    write(s, List.of(new Person("a", 1, 1L), new Person("b", 2, 2L)));
    byte[] single = s.serialize(new Person("c", 3, 3L));
    assertEquals(1, occurrences(single, Person.class.getName()));
    assertEquals(new Person("c", 3, 3L), new KryoSerializer().deserialize(single));
  }
}
