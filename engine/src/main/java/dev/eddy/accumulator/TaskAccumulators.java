package dev.eddy.accumulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The private copies of the accumulators one task adds to, merged into the driver's accumulators
 * when the task succeeds, as Spark merges a successful task's accumulator updates. Each {@code
 * TaskContext} owns one. Thread-safe, although a task uses it from its own thread only.
 */
public final class TaskAccumulators {
  private record Pair(AccumulatorV2<?, ?> driver, AccumulatorV2<?, ?> copy) {}

  private final Map<Long, Pair> byId = new LinkedHashMap<>();

  /** Returns the task's copy of {@code driver}, made at the first add. */
  synchronized AccumulatorV2<?, ?> copyFor(AccumulatorV2<?, ?> driver) {
    return byId.computeIfAbsent(driver.id(), id -> {
      AccumulatorV2<?, ?> copy = driver.copyAndReset();
      copy.markTaskCopy(driver.id(), driver.name().orElse(null));
      return new Pair(driver, copy);
    }).copy();
  }

  /** Returns how many accumulators the task added to. */
  public synchronized int size() {
    return byId.size();
  }

  /**
   * Merges every copy into its driver accumulator; called once by the scheduler after the task
   * succeeded. Merges of concurrent tasks into one accumulator are serialized on it.
   */
  public synchronized void mergeIntoDrivers() {
    for (Pair pair : byId.values()) {
      merge(pair.driver(), pair.copy());
    }
    byId.clear();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void merge(AccumulatorV2 driver, AccumulatorV2 copy) {
    synchronized (driver) {
      driver.merge(copy);
    }
  }
}
