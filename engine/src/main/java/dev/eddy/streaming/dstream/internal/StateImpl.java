package dev.eddy.streaming.dstream.internal;

import dev.eddy.streaming.State;
import java.util.NoSuchElementException;

/** The {@link State} handed to one call of a {@code mapWithState} function, as Spark's {@code StateImpl}. Not thread-safe. */
public final class StateImpl<S> extends State<S> {
  private S state;
  private boolean defined;
  private boolean timingOut;
  private boolean updated;
  private boolean removed;

  /** Resets this object to a key's state, {@code null} when it has none. */
  void wrap(boolean exists, S current) {
    state = current;
    defined = exists;
    timingOut = false;
    updated = false;
    removed = false;
  }

  /** Resets this object to the state of a key that is timing out. */
  void wrapTimingOut(S current) {
    wrap(true, current);
    timingOut = true;
  }

  @Override
  public boolean exists() {
    return defined;
  }

  @Override
  public S get() {
    if (!defined) {
      throw new NoSuchElementException("State is not set");
    }
    return state;
  }

  @Override
  public void update(S newState) {
    if (removed) {
      throw new IllegalArgumentException("Cannot update the state after it has been removed");
    }
    if (timingOut) {
      throw new IllegalArgumentException("Cannot update the state that is timing out");
    }
    state = newState;
    defined = true;
    updated = true;
  }

  @Override
  public void remove() {
    if (timingOut) {
      throw new IllegalArgumentException("Cannot remove the state that is timing out");
    }
    if (removed) {
      throw new IllegalArgumentException("Cannot remove the state that has already been removed");
    }
    state = null;
    defined = false;
    updated = false;
    removed = true;
  }

  @Override
  public boolean isTimingOut() {
    return timingOut;
  }

  boolean isUpdated() {
    return updated;
  }

  boolean isRemoved() {
    return removed;
  }
}
