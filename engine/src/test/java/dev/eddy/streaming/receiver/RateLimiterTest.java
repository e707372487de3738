package dev.eddy.streaming.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eddy.util.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  /** A clock that jumps to whatever time it is asked to wait for, recording each wait. */
  private static final class SteppingClock implements Clock {
    long now;
    final List<Long> waits = new ArrayList<>();

    @Override
    public synchronized long getTimeMillis() {
      return now;
    }

    @Override
    public synchronized long waitTillTime(long targetTime) {
      waits.add(targetTime);
      now = Math.max(now, targetTime);
      return now;
    }
  }

  @Test
  void spacesPermitsOneOverTheRateApart() throws Exception {
    SteppingClock clock = new SteppingClock();
    RateLimiter limiter = new RateLimiter(clock, 100);
    for (int i = 0; i < 5; i++) {
      limiter.acquire();
    }
    assertEquals(List.of(10L, 20L, 30L, 40L), clock.waits); // the first permit is free

    limiter.setRate(50);
    limiter.acquire(); // slot 50 was reserved at the old rate; the next ones are 20 ms apart
    limiter.acquire();
    assertEquals(List.of(10L, 20L, 30L, 40L, 50L, 70L), clock.waits);
  }

  @Test
  void savesUpAtMostOneSecondOfPermitsWhileIdle() throws Exception {
    SteppingClock clock = new SteppingClock();
    RateLimiter limiter = new RateLimiter(clock, 10);
    limiter.acquire();
    clock.now = 5_000;
    for (int i = 0; i < 11; i++) {
      limiter.acquire(); // slots 4000, 4100, ..., 5000: one second's worth, at once
    }
    assertEquals(List.of(), clock.waits);
    limiter.acquire();
    assertEquals(List.of(5_100L), clock.waits);
  }

  @Test
  void anUnlimitedRateNeverWaitsAndRatesMustBePositive() throws Exception {
    SteppingClock clock = new SteppingClock();
    RateLimiter limiter = new RateLimiter(clock, Long.MAX_VALUE);
    for (int i = 0; i < 1000; i++) {
      limiter.acquire();
    }
    assertEquals(List.of(), clock.waits);
    assertThrows(IllegalArgumentException.class, () -> limiter.setRate(0));
  }
}
