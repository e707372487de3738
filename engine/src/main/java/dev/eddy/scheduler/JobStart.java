package dev.eddy.scheduler;

import java.util.List;

/**
 * A job was submitted, as Spark's {@code SparkListenerJobStart}. Immutable.
 *
 * @param jobId the job's id, unique within its context
 * @param timeMs when it started, in epoch milliseconds
 * @param stageInfos every stage the job will run, parents before children, the result stage last
 */
public record JobStart(int jobId, long timeMs, List<StageInfo> stageInfos) implements JobEvent {
  public JobStart {
    stageInfos = List.copyOf(stageInfos);
  }

  /** Returns the ids of the job's stages, in {@link #stageInfos()} order. */
  public List<Integer> stageIds() {
    return stageInfos.stream().map(StageInfo::stageId).toList();
  }
}
