package dev.eddy.util;

/** The wall clock: {@link System#currentTimeMillis()}. */
public final class SystemClock implements Clock {
  /** The shared instance; the class has no state. */
  public static final SystemClock INSTANCE = new SystemClock();

  @Override
  public long getTimeMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public long waitTillTime(long targetTime) throws InterruptedException {
    long now = getTimeMillis();
    while (now < targetTime) {
      Thread.sleep(Math.min(targetTime - now, 100));
      now = getTimeMillis();
    }
    return now;
  }
}
