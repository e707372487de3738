package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.Time;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jobs of one batch, in output-operation order, with what its input streams read, or the
 * error that kept the batch from being generated. Immutable.
 */
public record JobSet(
    Time time, List<Job> jobs, Map<Integer, StreamInputInfo> inputInfos, Optional<Throwable> generationError) {
  public JobSet {
    jobs = List.copyOf(jobs);
    inputInfos = Map.copyOf(inputInfos);
  }

  /** Returns the jobs of a batch that was generated. */
  public static JobSet of(Time time, List<Job> jobs, Map<Integer, StreamInputInfo> inputInfos) {
    return new JobSet(time, jobs, inputInfos, Optional.empty());
  }

  /** Returns a batch whose generation failed with {@code error}. */
  public static JobSet failed(Time time, Throwable error) {
    return new JobSet(time, List.of(), Map.of(), Optional.of(error));
  }

  /** Returns the records all input streams read for the batch. */
  public long numRecords() {
    return inputInfos.values().stream().mapToLong(StreamInputInfo::numRecords).sum();
  }
}
