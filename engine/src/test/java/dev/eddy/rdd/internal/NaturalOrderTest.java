package dev.eddy.rdd.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
  @Test
  void ordersComparablesAndExplainsWhatItCannotOrder() {
    Comparator<Object> order = NaturalOrder.get();
    assertTrue(order.compare(1, 2) < 0);
    assertTrue(order.compare("b", "a") > 0);
    IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> order.compare(null, 1));
    assertTrue(nul.getMessage().contains("Comparator.nullsFirst"), nul.getMessage());
    IllegalArgumentException plain = assertThrows(IllegalArgumentException.class, () -> order.compare(new Object(), new Object()));
    assertTrue(plain.getMessage().contains("java.lang.Object") && plain.getMessage().contains("not Comparable"), plain.getMessage());
  }
}
