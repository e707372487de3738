package dev.eddy.accumulator;

import dev.eddy.TaskContext;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A shared variable that tasks add to and the driver reads, as Spark's {@code AccumulatorV2}:
 * {@code IN} is what {@link #add} takes, {@code OUT} what {@link #value()} returns.
 *
 * <pre>{@code
 * LongAccumulator blanks = sc.longAccumulator("blank lines");
 * lines.foreach(l -> { if (l.isEmpty()) blanks.add(1); });
 * blanks.value();                      // the number of blank lines
 * }</pre>
 *
 * <p><b>Semantics.</b> As in Spark, a task adds to its own copy, and the copy is merged into the
 * driver's accumulator only when the task succeeds: the adds of a task that fails are never
 * counted. (Spark gets this by deserializing the closure per task; Eddy runs closures by
 * reference, so {@link #add} on a task thread is routed to the running task's copy.) Updates made
 * in transformations are merged once per successful task that ran them: an RDD recomputed by two
 * actions counts twice, as in Spark; use accumulators in actions for exact counts.
 *
 * <p><b>Writing one.</b> Implement {@link #isZero}, {@link #copy}, {@link #reset}, {@link #merge}
 * and {@link #value} on {@code this}; begin {@link #add} with {@code MyAcc target = target();} and
 * add to {@code target}, which is the task's copy on a task thread and {@code this} elsewhere.
 * An accumulator must be registered ({@code sc.register(acc, name)}, or made by one of {@code
 * sc}'s factories) before a task adds to it.
 *
 * <p>Thread-safety: the built-in accumulators are thread-safe; a subclass must be thread-safe if
 * the driver adds to it while jobs run.
 */
public abstract class AccumulatorV2<IN, OUT> implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final AtomicLong NEXT_ID = new AtomicLong();

  private volatile long id = -1;
  private volatile String name;
  private transient boolean taskCopy;

  /** Returns whether this accumulator holds its zero value (no adds since creation or reset). */
  public abstract boolean isZero();

  /** Returns a new accumulator with the same value. */
  public abstract AccumulatorV2<IN, OUT> copy();

  /** Resets this accumulator to its zero value. */
  public abstract void reset();

  /** Adds {@code v}; on a task thread, to the task's copy (see {@link #target()}). */
  public abstract void add(IN v);

  /** Merges {@code other}'s value into this one; {@code other} is of the same class. */
  public abstract void merge(AccumulatorV2<IN, OUT> other);

  /** Returns the current value; on the driver, the merged value of every successful task. */
  public abstract OUT value();

  /** Returns a copy holding the zero value, as Spark's {@code copyAndReset}. */
  public AccumulatorV2<IN, OUT> copyAndReset() {
    AccumulatorV2<IN, OUT> copy = copy();
    copy.reset();
    return copy;
  }

  /** Returns the id given at registration; -1 before. */
  public final long id() {
    return id;
  }

  /** Returns the name given at registration, if any. */
  public final java.util.Optional<String> name() {
    return java.util.Optional.ofNullable(name);
  }

  /** Returns whether this accumulator was registered with a context. */
  public final boolean isRegistered() {
    return id >= 0;
  }

  /**
   * Registers this accumulator under {@code name} (null allowed); called by {@code
   * EddyContext.register}, not by users.
   *
   * @throws IllegalStateException if it is already registered
   */
  public final synchronized void register(String name) {
    if (id >= 0) {
      throw new IllegalStateException("Cannot register the Accumulator multiple times: " + this);
    }
    this.name = name;
    this.id = NEXT_ID.getAndIncrement();
  }

  /**
   * Returns the accumulator an {@link #add} should change: the running task's copy on a task
   * thread, this accumulator otherwise.
   *
   * @throws IllegalStateException if a task adds to an accumulator that was never registered
   */
  @SuppressWarnings("unchecked")
  protected final <A extends AccumulatorV2<IN, OUT>> A target() {
    TaskContext task = TaskContext.get();
    if (taskCopy || task == null) {
      return (A) this;
    }
    if (!isRegistered()) {
      throw new IllegalStateException("Accumulator must be registered before a task adds to it: " + this
          + "; create it with sc.longAccumulator(name) (or double/collection), or call sc.register(acc, name)");
    }
    return (A) task.accumulators().copyFor(this);
  }

  /** Marks this accumulator as one task's private copy; for {@link TaskAccumulators}. */
  final void markTaskCopy(long driverId, String driverName) {
    this.id = driverId;
    this.name = driverName;
    this.taskCopy = true;
  }

  /** Returns {@code "ClassName(id: 3, name: Some(n), value: v)"}, as Spark. */
  @Override
  public String toString() {
    String shownName = name == null ? "None" : "Some(" + name + ")";
    return getClass().getSimpleName() + "(id: " + id + ", name: " + shownName + ", value: " + value() + ")";
  }
}
