package dev.eddy.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.EddyException;
import dev.eddy.TaskContext;
import dev.eddy.rdd.RDD;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskRetryTest {
  private final List<EddyContext> contexts = new ArrayList<>();

  @AfterEach
  void stop() {
    contexts.forEach(EddyContext::stop);
  }

  private EddyContext context(EddyConf conf) {
    EddyContext sc = new EddyContext(conf.setAppName("retry-test"));
    contexts.add(sc);
    return sc;
  }

  @Test
  void aTaskFailingOnItsFirstAttemptIsRetriedAndTheJobSucceeds() {
    EddyContext sc = context(new EddyConf(false).setMaster("local[2,2]"));
    Map<Integer, List<Integer>> attemptsByPartition = new ConcurrentHashMap<>();
    RDD<Integer> flaky = sc.parallelize(List.of(1, 2, 3, 4), 2).mapPartitions(it -> {
      TaskContext tc = TaskContext.get();
      attemptsByPartition.computeIfAbsent(tc.partitionId(), p -> new CopyOnWriteArrayList<>()).add(tc.attemptNumber());
      if (tc.partitionId() == 1 && tc.attemptNumber() == 0) {
        throw new IllegalStateException("first attempt of partition 1");
      }
      return it;
    });
    assertEquals(List.of(1, 2, 3, 4), flaky.collect());
    assertEquals(Map.of(0, List.of(0), 1, List.of(0, 1)), attemptsByPartition);
  }

  @Test
  void aTaskFailingEveryAttemptFailsTheJobAfterMaxFailuresWithTheLastCause() {
    EddyContext sc = context(new EddyConf(false).setMaster("local[2]").set("eddy.task.maxFailures", "4"));
    List<RuntimeException> thrown = new CopyOnWriteArrayList<>();
    AtomicInteger stage = new AtomicInteger(-1);
    RDD<Integer> broken = sc.parallelize(List.of(1, 2), 2).map(x -> {
      if (x == 2) {
        stage.set(TaskContext.get().stageId());
        RuntimeException e = new IllegalStateException("boom on attempt " + TaskContext.get().attemptNumber());
        thrown.add(e);
        throw e;
      }
      return x;
    });
    EddyException e = assertThrows(EddyException.class, broken::collect);
    assertEquals("Job 0 aborted: task 1 in stage " + stage.get() + " failed 4 times, most recent failure: "
        + "java.lang.IllegalStateException: boom on attempt 3", e.getMessage());
    assertEquals(4, thrown.size());
    assertSame(thrown.get(3), e.getCause());
  }

  @Test
  void withoutConfigurationAFailedTaskIsNotRetried() {
    EddyContext sc = context(new EddyConf(false).setMaster("local[2]"));
    AtomicInteger attempts = new AtomicInteger();
    RDD<Integer> broken = sc.parallelize(List.of(1), 1).map(x -> {
      attempts.incrementAndGet();
      throw new ArithmeticException("no");
    });
    EddyException e = assertThrows(EddyException.class, broken::count);
    assertTrue(e.getMessage().contains("failed 1 time, most recent failure: java.lang.ArithmeticException: no"),
        e.getMessage());
    assertEquals(1, attempts.get());
  }

  @Test
  void sparkKeyAndMasterSyntaxSetTheAttempts() {
    assertEquals(1, new EddyConf(false).setMaster("local[2]").taskMaxFailures());
    assertEquals(3, new EddyConf(false).setMaster("local[2,3]").taskMaxFailures());
    assertEquals(3, new EddyConf(false).setMaster("local[*,3]").taskMaxFailures());
    assertEquals(2, EddyConf.parseMaster("local[2,3]"));
    assertEquals(5, new EddyConf(false).set("spark.task.maxFailures", "5").taskMaxFailures());
    assertEquals(6, new EddyConf(false).setMaster("local[2,3]").set("eddy.task.maxFailures", "6")
        .set("spark.task.maxFailures", "5").taskMaxFailures());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EddyConf(false).set("eddy.task.maxFailures", "0"));
    assertTrue(e.getMessage().contains("eddy.task.maxFailures must be at least 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new EddyConf(false).set("spark.task.maxFailures", "x"));
    assertThrows(IllegalArgumentException.class, () -> new EddyConf(false).setMaster("local[2,0]"));
  }

  @Test
  void aCancelledTaskIsNotRetried() throws Exception {
    EddyContext sc = context(new EddyConf(false).setMaster("local[2]").set("eddy.task.maxFailures", "3"));
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch never = new CountDownLatch(1);
    List<Integer> attemptNumbers = new CopyOnWriteArrayList<>();
    RDD<Integer> blocking = sc.parallelize(List.of(1, 2), 2).map(x -> {
      attemptNumbers.add(TaskContext.get().attemptNumber());
      started.countDown();
      never.await();
      return x;
    });
    CompletableFuture<List<Integer>> job = CompletableFuture.supplyAsync(blocking::collect);
    assertTrue(started.await(5, TimeUnit.SECONDS));
    sc.cancelAllJobs();
    ExecutionException e = assertThrows(ExecutionException.class, () -> job.get(5, TimeUnit.SECONDS));
    assertInstanceOf(JobCancelledException.class, e.getCause());
    // a retry would block on the latch again and hold a thread: the next job needs both threads
    CountDownLatch both = new CountDownLatch(2);
    List<Integer> next = sc.parallelize(List.of(1, 2), 2).map(x -> {
      both.countDown();
      assertTrue(both.await(5, TimeUnit.SECONDS), "both task threads are free");
      return x;
    }).collect();
    assertEquals(List.of(1, 2), next);
    assertEquals(List.of(0, 0), attemptNumbers);
  }

  @Test
  void failedAttemptsAreReportedToListeners() throws Exception {
    EddyContext sc = context(new EddyConf(false).setMaster("local[1,2]"));
    List<JobEvent> events = new CopyOnWriteArrayList<>();
    sc.addJobListener(new RecordingListener(events));
    assertThrows(EddyException.class, () -> sc.parallelize(List.of(1), 1).map(x -> {
      throw new IllegalStateException("always");
    }).collect());
    assertTrue(sc.awaitJobListeners(Duration.ofSeconds(5)));
    List<TaskEnd> ends = events.stream().filter(TaskEnd.class::isInstance).map(TaskEnd.class::cast).toList();
    assertEquals(List.of(0, 1), ends.stream().map(t -> t.taskInfo().attempt()).toList());
    for (TaskEnd end : ends) {
      assertTrue(end.taskInfo().failed());
      assertEquals("always", end.taskInfo().error().getMessage());
    }
    StageCompleted stage = (StageCompleted) events.get(events.size() - 2);
    assertTrue(stage.stageInfo().failed());
    assertTrue(stage.stageInfo().failureReason().contains("failed 2 times"), stage.stageInfo().failureReason());
    JobEnd jobEnd = (JobEnd) events.get(events.size() - 1);
    assertTrue(jobEnd.failure().orElseThrow() instanceof EddyException);
  }
}
