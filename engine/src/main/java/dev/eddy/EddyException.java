package dev.eddy;

/**
 * A failure of the engine, as Spark's {@code SparkException}: most often a job aborted because a
 * task threw, in which case the message names the job, stage and partition and the cause is the
 * exception the user's function threw.
 */
public class EddyException extends RuntimeException {
  public EddyException(String message) {
    super(message);
  }

  public EddyException(String message, Throwable cause) {
    super(message, cause);
  }
}
