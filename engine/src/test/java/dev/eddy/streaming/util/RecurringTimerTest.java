package dev.eddy.streaming.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.eddy.util.ManualClock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecurringTimerTest {
  @Test
  void firesOncePerPeriodAsTheManualClockMoves() throws InterruptedException {
    ManualClock clock = new ManualClock(50);
    BlockingQueue<Long> fired = new LinkedBlockingQueue<>();
    RecurringTimer timer = new RecurringTimer(clock, 100, fired::add, "test-timer");
    assertEquals(100, timer.nextTime());
    timer.start(timer.nextTime());
    assertNull(fired.poll(20, TimeUnit.MILLISECONDS), "nothing before the clock moves");
    clock.advance(200); // to 250: two periods at once
    assertEquals(100L, fired.poll(5, TimeUnit.SECONDS));
    assertEquals(200L, fired.poll(5, TimeUnit.SECONDS));
    assertNull(fired.poll(20, TimeUnit.MILLISECONDS), "300 is not due at 250");
    clock.advance(50); // to 300: due exactly now
    assertEquals(300L, fired.poll(5, TimeUnit.SECONDS));
    timer.stop();
    clock.advance(1000);
    assertNull(fired.poll(20, TimeUnit.MILLISECONDS), "nothing after stop");
  }

  @Test
  void theNextTimeIsStrictlyAfterNow() {
    assertEquals(2000, new RecurringTimer(new ManualClock(1000), 1000, t -> {}, "t").nextTime());
    assertEquals(1000, new RecurringTimer(new ManualClock(0), 1000, t -> {}, "t").nextTime());
  }
}
