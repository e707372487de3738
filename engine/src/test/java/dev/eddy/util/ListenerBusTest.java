package dev.eddy.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ListenerBusTest {
  @Test
  void deliversInOrderOffTheCallerAndAwaitIdleWaitsForDelivery() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> received = new CopyOnWriteArrayList<>();
    List<String> after = new CopyOnWriteArrayList<>();
    List<List<String>> listeners = List.of(received);
    ListenerBus<List<String>, String> bus = new ListenerBus<>("test-bus", 10, () -> listeners, (l, e) -> {
      try {
        release.await();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
      l.add(e);
    }, after::add);
    bus.start();
    bus.post("one");
    bus.post("two");
    assertFalse(bus.awaitIdle(Duration.ofMillis(20)), "the listener is still blocked");
    release.countDown();
    assertTrue(bus.awaitIdle(Duration.ofSeconds(5)));
    assertEquals(List.of("one", "two"), received);
    assertEquals(List.of("one", "two"), after);
    bus.stop();
  }

  @Test
  void aThrowingListenerDoesNotStopDelivery() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    List<String> listeners = List.of("throws", "records");
    ListenerBus<String, String> bus = new ListenerBus<>("test-bus", 10, () -> listeners, (l, e) -> {
      if (l.equals("throws")) {
        throw new IllegalStateException("bad listener");
      }
      received.add(e);
    }, e -> {});
    bus.start();
    bus.post("a");
    bus.post("b");
    assertTrue(bus.awaitIdle(Duration.ofSeconds(5)));
    assertEquals(List.of("a", "b"), received);
    bus.stop();
  }

  @Test
  void aFullQueueDropsEventsAndStillCountsThemDone() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch first = new CountDownLatch(1);
    List<String> received = new CopyOnWriteArrayList<>();
    List<String> after = new CopyOnWriteArrayList<>();
    ListenerBus<String, String> bus = new ListenerBus<>("test-bus", 1, () -> List.of("l"), (l, e) -> {
      first.countDown();
      try {
        release.await();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
      received.add(e);
    }, after::add);
    bus.start();
    bus.post("taken");
    assertTrue(first.await(5, TimeUnit.SECONDS));
    bus.post("queued");
    bus.post("dropped");
    assertEquals(List.of("dropped"), after, "a dropped event is finished at once");
    release.countDown();
    assertTrue(bus.awaitIdle(Duration.ofSeconds(5)));
    assertEquals(List.of("taken", "queued"), received);
    bus.stop();
  }
}
