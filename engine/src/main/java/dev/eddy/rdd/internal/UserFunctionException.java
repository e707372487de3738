package dev.eddy.rdd.internal;

/**
 * Carries a checked exception thrown by a user function through code that cannot throw it, such
 * as {@link java.util.Iterator#next()}. The scheduler unwraps it, so a failed job's cause is the
 * user's own exception.
 */
public final class UserFunctionException extends RuntimeException {
  private UserFunctionException(Exception cause) {
    super(cause.toString(), cause, false, false);
  }

  /** Returns {@code e} itself if unchecked, else {@code e} wrapped. */
  public static RuntimeException wrap(Exception e) {
    return e instanceof RuntimeException r ? r : new UserFunctionException(e);
  }

  /** Returns the user's exception behind {@code t}: the cause of a wrapper, else {@code t}. */
  public static Throwable unwrap(Throwable t) {
    return t instanceof UserFunctionException ? t.getCause() : t;
  }
}
