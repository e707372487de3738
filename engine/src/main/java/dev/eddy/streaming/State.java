package dev.eddy.streaming;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The state of one key in {@code mapWithState}, as Spark's {@code State}: the mapping function
 * reads it ({@link #exists()}, {@link #get()}), replaces it ({@link #update}) or removes it
 * ({@link #remove()}). When a key times out the function is called once more with no value and
 * {@link #isTimingOut()} true; the state is then removed and may be neither updated nor removed.
 *
 * <pre>{@code
 * (word, one, state) -> {
 *   int sum = one.orElse(0) + state.getOption().orElse(0);
 *   if (!state.isTimingOut()) state.update(sum);
 *   return new Tuple2<>(word, sum);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: an instance is only valid inside the call it is given to.
 *
 * @param <S> the state type
 */
public abstract class State<S> {
  /** For the engine's implementation. */
  protected State() {}

  /** Returns whether the key has a state. */
  public abstract boolean exists();

  /**
   * Returns the key's state.
   *
   * @throws NoSuchElementException if it has none
   */
  public abstract S get();

  /**
   * Sets the key's state.
   *
   * @throws IllegalArgumentException if the state was removed in this call, or is timing out
   */
  public abstract void update(S newState);

  /**
   * Removes the key's state.
   *
   * @throws IllegalArgumentException if it was already removed in this call, or is timing out
   */
  public abstract void remove();

  /** Returns whether the key is timing out: this call is its last, with no value. */
  public abstract boolean isTimingOut();

  /** Returns the state, or empty when the key has none. */
  public Optional<S> getOption() {
    return exists() ? Optional.ofNullable(get()) : Optional.empty();
  }

  @Override
  public String toString() {
    return exists() ? "State[" + get() + "]" : "State[<state not set>]";
  }
}
