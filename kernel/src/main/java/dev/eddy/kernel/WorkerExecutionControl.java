package dev.eddy.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell execution in the kernel's JVM, on the thread that calls {@code JShell.eval}: the kernel's
 * cell worker.
 *
 * <p>JShell's own local execution runs every snippet on a fresh thread of its own thread group and
 * then joins every thread of that group, so a cell that starts a stream (whose threads would join
 * the group) would never return, and {@code stop()} would kill the stream's threads. Running the
 * snippet on the caller keeps stream threads out of it. This class also keeps the last snippet's
 * value as an object (JShell itself only reports its string form) so that the kernel can render
 * it, and it implements {@link #stop()} for the running snippet: interrupt first, then, if the
 * snippet ignores that, {@code Thread.stop} (which on Java 17 ends even a busy loop) or, on Java
 * 20 and later where that throws, JShell's own {@link StopChecks}.
 *
 * <p>The evaluator holds its shell lock while JShell compiles; this class lets go of it while the
 * snippet's own code runs, so that completion and inspection are served during a long cell.
 */
final class WorkerExecutionControl extends DirectExecutionControl {
  private final AtomicLong invocations = new AtomicLong();
  private volatile Thread userThread;
  private volatile long runningInvocation = -1;
  /** Stands for "no value was produced", as opposed to a null value. */
  static final Object NO_VALUE = new Object();

  private volatile Object lastValue = NO_VALUE;
  private volatile long stopGraceMillis = 300;
  private volatile boolean stopRequested;
  private final ReentrantLock shellLock;
  private final StopChecks stopChecks = StopChecks.forThisJvm();
  private boolean cancelClassLoaded;

  /** {@code shellLock} is released while snippet code runs and taken back afterwards. */
  WorkerExecutionControl(ReentrantLock shellLock) {
    this.shellLock = shellLock;
  }

  /** Returns a provider handing this instance to JShell. */
  ExecutionControlProvider provider() {
    WorkerExecutionControl self = this;
    return new ExecutionControlProvider() {
      @Override
      public String name() {
        return "eddy-worker";
      }

      @Override
      public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return self;
      }
    };
  }

  @Override
  protected void clientCodeEnter() {
    runningInvocation = invocations.incrementAndGet();
    userThread = Thread.currentThread();
  }

  @Override
  protected void clientCodeLeave() {
    userThread = null;
    runningInvocation = -1;
  }

  /** Loads snippet classes, rewritten with stop checks where {@code Thread.stop} is gone. */
  @Override
  public void load(ClassBytecodes[] classes)
      throws ClassInstallException, NotImplementedException, EngineTerminationException {
    boolean withCancelClass;
    synchronized (this) {
      withCancelClass = stopChecks.available() && !cancelClassLoaded;
      cancelClassLoaded |= withCancelClass;
    }
    super.load(stopChecks.instrument(classes, withCancelClass));
  }

  @Override
  protected String invoke(Method doitMethod) throws Exception {
    lastValue = NO_VALUE;
    if (stopRequested) {
      // The stop came while JShell was still compiling: the snippet must not start at all.
      throw new InvocationTargetException(new InterruptedException("interrupted before it started"));
    }
    int holds = shellLock.getHoldCount();
    for (int i = 0; i < holds; i++) {
      shellLock.unlock();
    }
    Object value;
    try {
      value = doitMethod.invoke(null);
    } finally {
      for (int i = 0; i < holds; i++) {
        shellLock.lock();
      }
    }
    lastValue = value;
    return valueString(value);
  }

  /** Reads a variable for an expression that is just a variable's name, keeping the object. */
  @Override
  public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
    try {
      Field field = findClass(className).getDeclaredField(varName);
      field.setAccessible(true);
      Object value = field.get(null);
      lastValue = value;
      return valueString(value);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return super.varValue(className, varName);
    }
  }

  /** Makes every snippet invoked from now on fail at once, until {@link #clearStop()}. */
  void requestStop() {
    stopRequested = true;
  }

  /** Lets snippets run again after {@link #requestStop()}. */
  void clearStop() {
    stopRequested = false;
  }

  /** Returns and forgets the value of the last snippet run, {@link #NO_VALUE} if there is none. */
  Object takeLastValue() {
    Object value = lastValue;
    lastValue = NO_VALUE;
    return value;
  }

  /**
   * Stops the snippet running now, if any: interrupts its thread, waits a moment for it to leave
   * user code, then stops the thread. Called from the control thread; returns within about {@code
   * stopGraceMillis}.
   */
  @Override
  public void stop() {
    Thread thread = userThread;
    long invocation = runningInvocation;
    if (thread == null) {
      return;
    }
    thread.interrupt();
    long deadline = System.nanoTime() + stopGraceMillis * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (runningInvocation != invocation) {
        return;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (runningInvocation == invocation && userThread == thread) {
      forceStop(thread, invocation);
    }
  }

  @SuppressWarnings({"deprecation", "removal"})
  private void forceStop(Thread thread, long invocation) {
    try {
      thread.stop();
      return;
    } catch (UnsupportedOperationException e) {
      // Java 20+: Thread.stop is gone; the snippet's stop checks remain, if they could be woven in.
    }
    if (!stopChecks.available() || !setAllStop(true)) {
      System.err.println("Eddy: this cell ignores interrupts, and on Java " + Runtime.version().feature()
          + " the kernel cannot stop it; restart the kernel to get it back");
      return;
    }
    try {
      long deadline = System.nanoTime() + 10 * stopGraceMillis * 1_000_000;
      while (runningInvocation == invocation && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      setAllStop(false);
    }
  }

  /** Sets the flag every stop check reads; returns false if the snippets' class is not there. */
  private boolean setAllStop(boolean stop) {
    try {
      findClass(StopChecks.CANCEL_CLASS).getField("allStop").setBoolean(null, stop);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
