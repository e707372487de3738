package dev.eddy.serializer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eddy.api.Function;
import dev.eddy.api.Tuple2;
import dev.eddy.serializer.Fixtures.Account;
import dev.eddy.serializer.Fixtures.Node;
import dev.eddy.serializer.Fixtures.Person;
import dev.eddy.serializer.Fixtures.Socketish;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

  private static <T> T roundTrip(Serializer s, T value) {
    return s.deserialize(s.serialize(value));
  }


  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void scalarsAndNull(Serializer s) {
    assertEquals("héllo, 世界", roundTrip(s, "héllo, 世界"));
    assertEquals("", roundTrip(s, ""));
    assertEquals(42, (Integer) roundTrip(s, 42));
    assertEquals(-7L, (Long) roundTrip(s, -7L));
    assertEquals(2.5d, (Double) roundTrip(s, 2.5d));
    assertEquals('x', (Character) roundTrip(s, 'x'));
    assertEquals(Boolean.TRUE, roundTrip(s, true));
    assertEquals(new BigDecimal("12.340"), roundTrip(s, new BigDecimal("12.340")));
    assertNull(roundTrip(s, null));
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void nestedTuples(Serializer s) {
    Tuple2<String, Tuple2<Integer, List<String>>> t = new Tuple2<>("k", new Tuple2<>(1, List.of("a", "b")));
    Tuple2<String, Tuple2<Integer, List<String>>> back = roundTrip(s, t);
    assertEquals(t, back);
    assertNotSame(t, back);
    assertEquals(new Tuple2<>(null, null), roundTrip(s, new Tuple2<>(null, null)));
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void mutableCollections(Serializer s) {
    ArrayList<Object> list = new ArrayList<>(Arrays.asList(1, "two", 3.0, null));
    HashMap<String, Integer> hash = new HashMap<>(Map.of("a", 1, "b", 2));
    TreeMap<String, List<Integer>> tree = new TreeMap<>(Map.of("z", List.of(1), "a", List.of(2, 3)));
    assertEquals(list, roundTrip(s, list));
    assertEquals(hash, roundTrip(s, hash));
    TreeMap<String, List<Integer>> treeBack = roundTrip(s, tree);
    assertEquals(tree, treeBack);
    assertEquals("a", treeBack.firstKey());
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void immutableCollectionsStayImmutable(Serializer s) {
    List<Integer> list = List.of(1, 2, 3);
    Map<String, Integer> map = Map.of("a", 1, "b", 2, "c", 3);
    Set<String> set = Set.of("x");
    List<Integer> listBack = roundTrip(s, list);
    assertEquals(list, listBack);
    assertEquals(map, roundTrip(s, map));
    assertEquals(set, roundTrip(s, set));
    assertEquals(List.of(), roundTrip(s, List.of()));
    assertThrows(UnsupportedOperationException.class, () -> listBack.add(4));
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void arrays(Serializer s) {
    assertArrayEquals(new int[] {1, 2, 3}, roundTrip(s, new int[] {1, 2, 3}));
    assertArrayEquals(new byte[] {-1, 0, 1}, roundTrip(s, new byte[] {-1, 0, 1}));
    assertArrayEquals(new String[] {"a", null}, roundTrip(s, new String[] {"a", null}));
    Object[] mixed = {1, "b", new int[] {4}, new Tuple2<>("k", 2L)};
    Object[] back = roundTrip(s, mixed);
    assertEquals(mixed.length, back.length);
    assertEquals(1, back[0]);
    assertArrayEquals(new int[] {4}, (int[]) back[2]);
    assertEquals(new Tuple2<>("k", 2L), back[3]);
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void recordsAndClassesWithoutNoArgConstructor(Serializer s) {
    assertEquals(new Person("Ada", 36, 7L), roundTrip(s, new Person("Ada", 36, 7L)));
    assertEquals(new Account("Bob", 100), roundTrip(s, new Account("Bob", 100)));
  }

  @Test
  void kryoNeedsNeitherSerializableNorNoArgConstructor() {
    Socketish back = roundTrip(new KryoSerializer(), new Socketish("localhost", 9999));
    assertEquals("localhost", back.host);
    assertEquals(9999, back.port);
  }

  @Test
  void javaRejectsNonSerializableClassesNamingThem() {
    SerializationException e = assertThrows(SerializationException.class,
        () -> new JavaSerializer().serialize(new Socketish("h", 1)));
    assertTrue(e.getMessage().contains(Socketish.class.getName()), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void cyclesAndSharedReferences(Serializer s) {
    Node a = new Node("a");
    Node b = new Node("b");
    a.next.add(b);
    b.next.add(a);
    a.next.add(a);
    Node back = roundTrip(s, a);
    assertEquals("a", back.label);
    Node backB = back.next.get(0);
    assertEquals("b", backB.label);
    assertSame(back, backB.next.get(0));
    assertSame(back, back.next.get(1));

    String shared = new String("shared");
    List<String> twice = new ArrayList<>(List.of(shared, shared));
    List<String> twiceBack = roundTrip(s, twice);
    assertSame(twiceBack.get(0), twiceBack.get(1));
  }

  @ParameterizedTest
  @MethodSource("dev.eddy.serializer.Fixtures#both")
  void serializableLambdas(Serializer s) throws Exception {
    int offset = 10;
    Tuple2<String, Integer> captured = new Tuple2<>("x", 5);
    Function<Integer, Integer> f = v -> v + offset + captured._2();
    Function<Integer, Integer> back = roundTrip(s, f);
    assertNotSame(f, back);
    assertEquals(16, back.call(1));

    java.util.function.Function<String, Integer> length =
        (java.util.function.Function<String, Integer> & java.io.Serializable) String::length;
    assertEquals(3, roundTrip(s, length).apply("abc"));
  }

  @Test
  void kryoRejectsLambdasThatAreNotSerializable() {
    Runnable r = () -> {};
    SerializationException e = assertThrows(SerializationException.class, () -> new KryoSerializer().serialize(r));
    assertTrue(e.getMessage().contains("Serializable"), e.getMessage());
  }

  @Test
  void bytesFromOneKryoInstanceReadByAnother() {
    byte[] bytes = new KryoSerializer().serialize(new Tuple2<>("a", List.of(1, 2)));
    assertEquals(new Tuple2<>("a", List.of(1, 2)), new KryoSerializer().deserialize(bytes));
  }

  private static void assertTrue(boolean condition, String message) {
    org.junit.jupiter.api.Assertions.assertTrue(condition, message);
  }
}
