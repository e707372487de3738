package dev.eddy.scheduler;

import java.util.Optional;

/**
 * A job ended, as Spark's {@code SparkListenerJobEnd}: it succeeded, failed or was cancelled.
 * Immutable.
 *
 * @param jobId the job's id
 * @param timeMs when it ended, in epoch milliseconds
 * @param error what the job's caller got thrown ({@code EddyException} or
 *     {@link JobCancelledException}), or null when the job succeeded
 */
public record JobEnd(int jobId, long timeMs, Throwable error) implements JobEvent {

  /** Returns whether the job succeeded. */
  public boolean succeeded() {
    return error == null;
  }

  /** Returns why the job failed, if it did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(error);
  }
}
