package dev.eddy.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.EddyException;
import dev.eddy.TaskContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.RDD;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DAGSchedulerTest {
  private final EddyContext sc = new EddyContext("local[2]", "dag-test");

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void aTwoShuffleJobRunsThreeStagesParentsFirst() {
    Map<String, Set<Integer>> stagesByStep = new ConcurrentHashMap<>();
    RDD<String> words = sc.parallelize(Arrays.asList("a b c a", "b a d", "e"), 3)
        .flatMap(l -> {
          record(stagesByStep, "split");
          return Arrays.asList(l.split(" ")).iterator();
        });
    // words by frequency: a=3, b=2, c=d=e=1
    List<Tuple2<Integer, String>> byCount = words
        .mapToPair(w -> new Tuple2<>(w, 1))
        .reduceByKey(Integer::sum, 2)
        .mapToPair(t -> {
          record(stagesByStep, "swap");
          return new Tuple2<>(t._2(), t._1());
        })
        .reduceByKey((x, y) -> sortedChars(x + y), 2)
        .mapToPair(t -> {
          record(stagesByStep, "result");
          return t;
        })
        .collect();
    Map<Integer, String> asMap = new TreeMap<>();
    byCount.forEach(t -> asMap.put(t._1(), t._2()));
    assertEquals(Map.of(1, "cde", 2, "b", 3, "a"), asMap);

    int split = only(stagesByStep.get("split"));
    int swap = only(stagesByStep.get("swap"));
    int result = only(stagesByStep.get("result"));
    assertTrue(split < swap && swap < result, stagesByStep.toString());
    assertEquals(0, sc.shuffleManager().size(), "shuffle outputs are dropped with their job");
  }

  @Test
  void aFailingFunctionAbortsTheJobNamingStageAndPartition() {
    IllegalStateException thrown = new IllegalStateException("bad element 4");
    RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3, 4), 2).map(x -> {
      if (x == 4) {
        throw thrown;
      }
      return x;
    });
    EddyException e = assertThrows(EddyException.class, rdd::collect);
    assertTrue(
        Pattern.matches("Job \\d+ aborted: task 1 in stage \\d+ failed 1 time, most recent failure: "
            + "java.lang.IllegalStateException: bad element 4",
            e.getMessage()),
        e.getMessage());
    assertSame(thrown, e.getCause());
  }

  @Test
  void aCheckedExceptionIsTheCauseItself() {
    RDD<String> rdd = sc.parallelize(List.of("x")).map(x -> {
      throw new IOException("disk gone");
    });
    EddyException e = assertThrows(EddyException.class, rdd::count);
    assertInstanceOf(IOException.class, e.getCause());
    assertEquals("disk gone", e.getCause().getMessage());
  }

  @Test
  void aFailureInAMapStageNamesThatStage() {
    List<Integer> mapStage = new ArrayList<>();
    RDD<Tuple2<Integer, Integer>> rdd = sc.parallelize(List.of(1, 2, 3), 3).mapToPair(x -> {
      if (x == 3) {
        synchronized (mapStage) {
          mapStage.add(TaskContext.get().stageId());
        }
        throw new ArithmeticException("three");
      }
      return new Tuple2<>(x, x);
    }).reduceByKey(Integer::sum);
    EddyException e = assertThrows(EddyException.class, rdd::collect);
    assertTrue(e.getMessage().contains("task 2 in stage " + mapStage.get(0) + " failed 1 time"), e.getMessage());
  }

  @Test
  void cancelAllJobsCancelsABlockedJob() throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(2);
    RDD<Integer> blocking = sc.parallelize(List.of(1, 2), 2).map(x -> {
      started.countDown();
      try {
        never.await();
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
      return x;
    });
    CompletableFuture<List<Integer>> job = CompletableFuture.supplyAsync(blocking::collect);
    assertTrue(started.await(5, TimeUnit.SECONDS));
    sc.cancelAllJobs();
    ExecutionException e = assertThrows(ExecutionException.class, () -> job.get(5, TimeUnit.SECONDS));
    assertInstanceOf(JobCancelledException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("cancelled"), e.getCause().getMessage());
    assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the blocked tasks were interrupted");
    assertEquals(List.of(1, 2), sc.parallelize(List.of(1, 2), 2).collect(), "the pool is free again");
  }

  @Test
  void stoppingTheContextCancelsRunningJobs() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    RDD<Integer> blocking = sc.parallelize(List.of(1), 1).map(x -> {
      started.countDown();
      new CountDownLatch(1).await();
      return x;
    });
    CompletableFuture<List<Integer>> job = CompletableFuture.supplyAsync(blocking::collect);
    assertTrue(started.await(5, TimeUnit.SECONDS));
    sc.stop();
    ExecutionException e = assertThrows(ExecutionException.class, () -> job.get(5, TimeUnit.SECONDS));
    assertInstanceOf(JobCancelledException.class, e.getCause());
  }

  @Test
  void tasksRunOnNamedDaemonThreads() {
    List<String> threads = sc.parallelize(List.of(1, 2, 3, 4), 4).map(x -> {
      Thread t = Thread.currentThread();
      return t.getName() + (t.isDaemon() ? " daemon" : "");
    }).collect();
    for (String t : threads) {
      assertTrue(t.matches("eddy-task-[12] daemon"), t);
    }
  }

  @Test
  void anActionInsideATaskFailsInsteadOfDeadlocking() {
    RDD<Integer> inner = sc.parallelize(List.of(1));
    RDD<Integer> nested = sc.parallelize(List.of(1)).map(x -> inner.collect().size());
    EddyException e = assertThrows(EddyException.class, nested::collect);
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }

  private static void record(Map<String, Set<Integer>> stagesByStep, String step) {
    stagesByStep.computeIfAbsent(step, k -> ConcurrentHashMap.newKeySet()).add(TaskContext.get().stageId());
  }

  private static String sortedChars(String s) {
    char[] chars = s.toCharArray();
    Arrays.sort(chars);
    return new String(chars);
  }

  private static int only(Set<Integer> stages) {
    assertEquals(1, stages.size(), stages.toString());
    return stages.iterator().next();
  }
}
