package dev.eddy.streaming;

import static org.junit.jupiter.api.Assertions.fail;

import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.receiver.Receiver;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Helpers for receiver tests: a receiver the test feeds itself, and waiting for a condition. */
final class ReceiverTestSupport {
  private ReceiverTestSupport() {}

  /** A receiver with no threads of its own: the test calls {@code store} and counts starts and stops. */
  static class FedReceiver extends Receiver<Integer> {
    final AtomicInteger starts = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();

    FedReceiver(StorageLevel level) {
      super(level);
    }

    @Override
    public void onStart() {
      starts.incrementAndGet();
    }

    @Override
    public void onStop() {
      stops.incrementAndGet();
    }
  }

  /** A receiver whose thread stores 0, 1, 2, ... below a limit as fast as its rate limit allows, until stopped. */
  static final class CountingReceiver extends Receiver<Integer> {
    final CountDownLatch finished = new CountDownLatch(1);
    final AtomicInteger stored = new AtomicInteger();
    private final int limit;

    CountingReceiver(int limit) {
      super(StorageLevel.MEMORY_ONLY);
      this.limit = limit;
    }

    @Override
    public void onStart() {
      Thread t = new Thread(() -> {
        try {
          for (int i = 0; i < limit && !isStopped(); i++) {
            store(i);
            stored.incrementAndGet();
          }
        } catch (IllegalStateException stopped) {
          // the context stopped while this thread waited for the rate limit
        } finally {
          finished.countDown();
        }
      }, "counting-receiver");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void onStop() {}
  }

  private static String threadDump() {
    StringBuilder out = new StringBuilder();
    Thread.getAllStackTraces().forEach((t, trace) -> {
      if (t.getName().startsWith("eddy-") || t.getName().contains("receiver")) {
        out.append(t.getName()).append(' ').append(t.getState()).append('\n');
        for (int i = 0; i < Math.min(8, trace.length); i++) {
          out.append("    at ").append(trace[i]).append('\n');
        }
      }
    });
    return out.toString();
  }

  /** Waits for {@code latch}; fails after 10 s. */
  static void await(CountDownLatch latch, String what) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        fail("timed out waiting until " + what + "; threads:\n" + threadDump());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted waiting until " + what);
    }
  }

  /** Waits (without sleeping for a batch) until {@code condition} holds; fails after 10 s. */
  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting until " + what + "; threads:\n" + threadDump());
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
    }
  }
}
