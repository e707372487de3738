package dev.eddy.rdd.internal;

import dev.eddy.TaskContext;
import java.util.Iterator;
import java.util.concurrent.CancellationException;

/**
 * Wraps a partition's iterator so that a task whose job was cancelled stops at its next element,
 * even when the user's code never looks at the thread's interrupt flag.
 */
public final class InterruptibleIterator<T> implements Iterator<T> {
  private final TaskContext context;
  private final Iterator<T> delegate;

  public InterruptibleIterator(TaskContext context, Iterator<T> delegate) {
    this.context = context;
    this.delegate = delegate;
  }

  @Override
  public boolean hasNext() {
    if (context != null && context.isInterrupted()) {
      throw new CancellationException("task killed: " + context);
    }
    return delegate.hasNext();
  }

  @Override
  public T next() {
    return delegate.next();
  }
}
