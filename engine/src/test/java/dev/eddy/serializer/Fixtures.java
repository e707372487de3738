package dev.eddy.serializer;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Types and serializers shared by the serializer tests. */
final class Fixtures {
  private Fixtures() {}

  static Stream<Serializer> both() {
    return Stream.of(new KryoSerializer(), new JavaSerializer());
  }

  record Person(String name, int age, long id) implements Serializable {}

  /** Has no no-arg constructor; Serializable so Java can write it too. */
  static final class Account implements Serializable {
    private final String owner;
    private final long balance;

    Account(String owner, long balance) {
      this.owner = Objects.requireNonNull(owner);
      this.balance = balance;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Account a && a.owner.equals(owner) && a.balance == balance;
    }

    @Override
    public int hashCode() {
      return Objects.hash(owner, balance);
    }
  }

  /** Neither Serializable nor constructible without arguments: only Kryo writes it. */
  static final class Socketish {
    final String host;
    final int port;

    Socketish(String host, int port) {
      this.host = host;
      this.port = port;
    }

    @Override
    public String toString() {
      return "Socketish(" + host + ":" + port + ")";
    }
  }

  /** A mutable node, for cycles. */
  static final class Node implements Serializable {
    String label;
    final List<Node> next = new ArrayList<>();

    Node(String label) {
      this.label = label;
    }
  }
}
