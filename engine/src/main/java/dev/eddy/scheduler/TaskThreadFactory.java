package dev.eddy.scheduler;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the task threads: daemons (a forgotten context never keeps the JVM alive) named
 * {@code eddy-task-N}, in one thread group so the scheduler can tell a task thread from any other.
 * Thread-safe.
 */
final class TaskThreadFactory implements ThreadFactory {
  private final ThreadGroup group;
  private final AtomicInteger next = new AtomicInteger(1);

  TaskThreadFactory(String groupName) {
    this.group = new ThreadGroup(groupName);
  }

  ThreadGroup group() {
    return group;
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread t = new Thread(group, r, "eddy-task-" + next.getAndIncrement());
    t.setDaemon(true);
    return t;
  }
}
