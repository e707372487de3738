package dev.eddy.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.PairRDD;
import dev.eddy.rdd.RDD;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobListenerTest {
  private final EddyContext sc = new EddyContext("local[2]", "listener-test");
  private final List<JobEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    sc.stop();
  }

  /** Partition 0: "a b a", "c a" (words a b a c a); partition 1: "b b d", "a" (words b b d a). */
  private PairRDD<String, Integer> wordCount() {
    RDD<String> lines = sc.parallelize(List.of("a b a", "c a", "b b d", "a"), 2);
    return lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator())
        .mapToPair(w -> new Tuple2<>(w, 1))
        .reduceByKey(Integer::sum, 2);
  }

  @Test
  void aWordCountReportsJobStagesAndTasksInOrderWithTheirMetrics() throws Exception {
    sc.addJobListener(new RecordingListener(events));
    PairRDD<String, Integer> counts = wordCount();
    assertEquals(Map.of("a", 4, "b", 3, "c", 1, "d", 1), counts.collectAsMap());
    assertTrue(sc.awaitJobListeners(Duration.ofSeconds(5)));

    JobStart start = assertInstanceOf(JobStart.class, events.get(0));
    assertEquals(2, start.stageInfos().size());
    StageInfo map = start.stageInfos().get(0);
    StageInfo result = start.stageInfos().get(1);
    assertEquals("mapToPair", map.name());
    assertEquals("reduceByKey", result.name());
    assertEquals(List.of(), map.parentIds());
    assertEquals(List.of(map.stageId()), result.parentIds());
    assertEquals(2, map.numTasks());
    assertEquals(2, result.numTasks());
    int source = counts.id() - 3;
    assertEquals(List.of(source, source + 1, source + 2), map.rddIds(), "parallelize, flatMap, mapToPair");
    assertEquals(List.of(counts.id()), result.rddIds());

    // job start, then per stage: submitted, 2 task starts and ends, completed; then job end
    assertEquals(1 + 2 * 6 + 1, events.size(), events.toString());
    List<TaskEnd> mapTasks = stageEvents(1, map);
    List<TaskEnd> resultTasks = stageEvents(7, result);
    JobEnd end = assertInstanceOf(JobEnd.class, events.get(13));
    assertEquals(start.jobId(), end.jobId());
    assertTrue(end.succeeded());

    for (TaskEnd t : mapTasks) {
      assertEquals("ShuffleMapTask", t.taskType());
      assertTrue(t.taskInfo().successful());
      assertEquals(2, t.taskMetrics().recordsRead(), "two lines per partition");
      assertEquals(3, t.taskMetrics().shuffleWriteRecords(), "3 distinct words per partition after combine");
      assertEquals(0, t.taskMetrics().shuffleWriteBytes(), "in-memory shuffle serializes nothing");
      assertEquals(0, t.taskMetrics().shuffleReadRecords());
    }
    assertEquals(List.of(5L, 4L), byPartition(mapTasks).stream().map(m -> m.recordsWritten()).toList(),
        "words per partition before combine");
    long shuffleRead = 0;
    long written = 0;
    for (TaskEnd t : resultTasks) {
      assertEquals("ResultTask", t.taskType());
      assertEquals(0, t.taskMetrics().recordsRead());
      assertEquals(0, t.taskMetrics().shuffleWriteRecords());
      shuffleRead += t.taskMetrics().shuffleReadRecords();
      written += t.taskMetrics().recordsWritten();
    }
    assertEquals(6, shuffleRead, "the reducers read the 6 combined records");
    assertEquals(4, written, "4 distinct words");
  }

  /** Checks the 6 events of a stage starting at {@code from} and returns its task ends. */
  private List<TaskEnd> stageEvents(int from, StageInfo expected) {
    StageSubmitted submitted = assertInstanceOf(StageSubmitted.class, events.get(from));
    assertEquals(expected.stageId(), submitted.stageInfo().stageId());
    assertTrue(submitted.stageInfo().submissionTimeMs() > 0);
    List<TaskEnd> ends = new ArrayList<>();
    Map<Long, Integer> startedAt = new HashMap<>();
    for (int i = from + 1; i < from + 5; i++) {
      JobEvent e = events.get(i);
      if (e instanceof TaskStart s) {
        assertEquals(expected.stageId(), s.stageId());
        assertEquals(TaskInfo.Status.RUNNING, s.taskInfo().status());
        startedAt.put(s.taskInfo().taskId(), i);
      } else {
        TaskEnd end = assertInstanceOf(TaskEnd.class, e);
        assertEquals(expected.stageId(), end.stageId());
        assertTrue(startedAt.containsKey(end.taskInfo().taskId()), "a task starts before it ends");
        assertEquals(0, end.taskInfo().attempt());
        assertTrue(end.taskMetrics().executorRunTimeMs() >= 0);
        assertTrue(end.taskInfo().finishTimeMs() >= end.taskInfo().launchTimeMs());
        ends.add(end);
      }
    }
    assertEquals(2, ends.size());
    StageCompleted completed = assertInstanceOf(StageCompleted.class, events.get(from + 5));
    assertEquals(expected.stageId(), completed.stageInfo().stageId());
    assertTrue(!completed.stageInfo().failed());
    assertTrue(completed.stageInfo().completionTimeMs() >= completed.stageInfo().submissionTimeMs());
    return ends;
  }

  private static List<TaskMetrics> byPartition(List<TaskEnd> ends) {
    return ends.stream()
        .sorted((x, y) -> Integer.compare(x.taskInfo().partition(), y.taskInfo().partition()))
        .map(TaskEnd::taskMetrics)
        .toList();
  }

  @Test
  void aThrowingListenerIsSkippedAndKeepsReceiving() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    sc.addJobListener(new JobListener() {
      @Override
      public void onJobStart(JobStart event) {
        calls.incrementAndGet();
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void onJobEnd(JobEnd event) {
        calls.incrementAndGet();
        throw new IllegalStateException("listener bug");
      }
    });
    sc.addJobListener(new RecordingListener(events));
    assertEquals(List.of(1, 2), sc.parallelize(List.of(1, 2)).collect());
    assertEquals(List.of(3), sc.parallelize(List.of(3)).collect());
    assertTrue(sc.awaitJobListeners(Duration.ofSeconds(5)));
    assertEquals(4, calls.get(), "two job starts and two job ends; " + events);
    assertEquals(2, events.stream().filter(JobEnd.class::isInstance).count());
  }

  @Test
  void aRemovedListenerReceivesNothingMore() throws Exception {
    RecordingListener listener = new RecordingListener(events);
    sc.addJobListener(listener);
    sc.parallelize(List.of(1)).collect();
    assertTrue(sc.awaitJobListeners(Duration.ofSeconds(5)));
    int seen = events.size();
    sc.removeJobListener(listener);
    sc.parallelize(List.of(1)).collect();
    assertTrue(sc.awaitJobListeners(Duration.ofSeconds(5)));
    assertEquals(seen, events.size());
  }
}
