package dev.eddy.scheduler;

import dev.eddy.EddyException;

/**
 * A job was cancelled before it finished: by {@code EddyContext.cancelAllJobs()} (the kernel's
 * interrupt), by stopping the context, or because the thread waiting for it was interrupted.
 */
public final class JobCancelledException extends EddyException {
  public JobCancelledException(String message) {
    super(message);
  }
}
