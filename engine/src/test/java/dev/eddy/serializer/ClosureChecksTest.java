package dev.eddy.serializer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.Function;
import dev.eddy.serializer.Fixtures.Socketish;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

class ClosureChecksTest {

  /** A driver-side object holding a connection, as in Spark's classic mistake. */
  static final class Job implements Serializable {
    private final Socketish conn = new Socketish("db", 5432);
    private final String table = "events";

    Function<String, String> tagger() {
      return line -> conn.host + "/" + table + ":" + line; // captures this, hence conn
    }
  }

  private static void assertContains(String text, String part) {
    assertTrue(text.contains(part), () -> "expected <" + part + "> in:\n" + text);
  }

  @Test
  void serializableClosuresPass() {
    String prefix = "p";
    Function<String, String> f = s -> prefix + s;
    assertDoesNotThrow(() -> ClosureChecks.ensureSerializable(f));
    assertDoesNotThrow(() -> ClosureChecks.ensureSerializable(null));
  }

  @Test
  void lambdaCapturingANonSerializableLocalIsReportedWithItsTypeAndLambda() {
    Socketish conn = new Socketish("db", 5432);
    Function<String, String> f = s -> conn.host + s;
    TaskNotSerializableException e = assertThrows(TaskNotSerializableException.class,
        () -> ClosureChecks.ensureSerializable(f));
    String m = e.getMessage();
    assertTrue(m.startsWith("Task not serializable: object not serializable (class: " + Socketish.class.getName()), m);
    assertContains(m, "value: Socketish(db:5432)");
    assertContains(m, "captured value (index: 0, type: class " + Socketish.class.getName() + ")");
    assertContains(m, "lambda " + ClosureChecksTest.class.getName() + ".lambda$");
    assertContains(m, "Serialization stack:");
  }

  @Test
  void lambdaCapturingThisNamesTheField() {
    TaskNotSerializableException e = assertThrows(TaskNotSerializableException.class,
        () -> ClosureChecks.ensureSerializable(new Job().tagger()));
    String m = e.getMessage();
    assertContains(m, "held by field (class: " + Job.class.getName() + ", name: conn, type: class "
        + Socketish.class.getName() + ")");
    assertContains(m, "captured 'this' (class: " + Job.class.getName() + ")");
  }

  @Test
  void anonymousClassNamesTheCapturedVariable() {
    Socketish conn = new Socketish("db", 5432);
    Function<String, String> f = new Function<>() {
      @Override
      public String call(String s) {
        return conn.host + s;
      }
    };
    TaskNotSerializableException e = assertThrows(TaskNotSerializableException.class,
        () -> ClosureChecks.ensureSerializable(f));
    assertContains(e.getMessage(), "name: val$conn (captured variable conn)");
  }

  @Test
  void kryoAcceptsWhatJavaRejectsWhichIsWhyJavaIsTheDefault() {
    Socketish conn = new Socketish("db", 5432);
    Function<String, String> f = s -> conn.host + s;
    assertDoesNotThrow(() -> ClosureChecks.ensureSerializable(f, new KryoSerializer()));
    assertThrows(TaskNotSerializableException.class, () -> ClosureChecks.ensureSerializable(f, new JavaSerializer()));
  }

  @Test
  void kryoPathReportsTheUnregisteredCapturedClass() {
    KryoSerializer kryo = new KryoSerializer(true);
    kryo.registerKryoClasses(ClosureChecksTest.class); // the capturing class, as Kryo requires
    Socketish conn = new Socketish("db", 5432);
    Function<String, String> f = s -> conn.host + s;
    TaskNotSerializableException e = assertThrows(TaskNotSerializableException.class,
        () -> ClosureChecks.ensureSerializable(f, kryo));
    String m = e.getMessage();
    assertContains(m, "object not serializable (class: " + Socketish.class.getName());
    assertContains(m, "(serializer: kryo)");
    assertContains(e.getCause().getMessage(), "registerKryoClasses(" + Socketish.class.getName() + ".class)");
  }
}
