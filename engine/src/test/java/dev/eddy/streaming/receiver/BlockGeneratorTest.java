package dev.eddy.streaming.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.util.ManualClock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockGeneratorTest {
  private final ManualClock clock = new ManualClock();
  private final BlockingQueue<List<Integer>> pushed = new LinkedBlockingQueue<>();
  private final BlockGenerator<Integer> generator =
      new BlockGenerator<>(clock, 200, new RateLimiter(clock, Long.MAX_VALUE), pushed::add, "test-block-generator");

  @AfterEach
  void stop() {
    generator.stop(false);
  }

  @Test
  void cutsTheRecordsOfEachBlockIntervalIntoOneBlock() throws Exception {
    generator.start();
    generator.addData(1);
    generator.addData(2);
    clock.advance(200);
    assertEquals(List.of(1, 2), next());
    generator.addData(3);
    clock.advance(200);
    assertEquals(List.of(3), next());
    clock.advance(200); // an interval without records makes no block
    generator.addData(4);
    generator.addData(5);
    clock.advance(200);
    assertEquals(List.of(4, 5), next());
    assertTrue(pushed.isEmpty());
  }

  @Test
  void aGracefulStopPushesTheLastPartialBlockAndANonGracefulOneDropsIt() throws Exception {
    generator.start();
    generator.addData(1);
    generator.stop(true);
    assertEquals(List.of(1), pushed.poll());

    var other = new BlockGenerator<Integer>(clock, 200, new RateLimiter(clock, Long.MAX_VALUE), pushed::add, "other");
    other.start();
    other.addData(2);
    other.stop(false);
    assertNull(pushed.poll());
  }

  @Test
  void refusesRecordsWhenNotRunning() {
    var e = assertThrows(IllegalStateException.class, () -> generator.addData(1));
    assertTrue(e.getMessage().contains("not been started"), e.getMessage());
    generator.start();
    generator.stop(true);
    e = assertThrows(IllegalStateException.class, () -> generator.addData(1));
    assertTrue(e.getMessage().contains("stopped"), e.getMessage());
  }

  private List<Integer> next() throws InterruptedException {
    List<Integer> block = pushed.poll(10, TimeUnit.SECONDS);
    assertTrue(block != null, "no block was pushed");
    return block;
  }
}
